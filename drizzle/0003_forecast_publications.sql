-- A forecast is published when the broker acknowledged it: one narrow row per forecast instead of the
-- nullable forecasts.published_at, whose NULL → date update could not be done in place (lib/db/tables/mqtt.ts).
CREATE TABLE `forecast_publications` (
	`forecast_id` int NOT NULL,
	`published_at` datetime NOT NULL,
	CONSTRAINT `forecast_publications_forecast_id` PRIMARY KEY(`forecast_id`)
);
--> statement-breakpoint
INSERT INTO `forecast_publications` (`forecast_id`, `published_at`)
SELECT `id`, `published_at` FROM `forecasts` WHERE `published_at` IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `forecasts` DROP COLUMN `published_at`;
