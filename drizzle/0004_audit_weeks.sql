-- The live audit's sums per forecast week and horizon, kept by the audit job (lib/audit/audit-weeks.ts) so that
-- /models and /api/v1/audit read a few rows instead of scanning every audited forecast; filled here from the
-- forecasts audited so far.
CREATE TABLE `audit_weeks` (
	`as_of` date NOT NULL,
	`horizon_weeks` smallint NOT NULL,
	`forecasts` int NOT NULL,
	`abs_error_sum` double NOT NULL,
	`inside_count` int NOT NULL,
	`charting_count` int NOT NULL,
	`p_charting_sum` double NOT NULL,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `audit_weeks_as_of_horizon_weeks_pk` PRIMARY KEY(`as_of`,`horizon_weeks`)
);
--> statement-breakpoint
INSERT INTO `audit_weeks` (`as_of`, `horizon_weeks`, `forecasts`, `abs_error_sum`, `inside_count`, `charting_count`, `p_charting_sum`)
SELECT `as_of`, `horizon_weeks`, COUNT(*), SUM(`abs_error`), SUM(`inside_interval`), SUM(`actual_charting`), SUM(`p_charting`)
FROM `forecasts` WHERE `audited_at` IS NOT NULL GROUP BY `as_of`, `horizon_weeks`;
