CREATE TABLE `artists` (
	`id` int AUTO_INCREMENT NOT NULL,
	`spotify_id` varchar(32),
	`name_key` varchar(255) NOT NULL,
	`name` varchar(255) NOT NULL,
	`genres` json,
	`followers` int,
	`popularity` tinyint,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `artists_id` PRIMARY KEY(`id`),
	CONSTRAINT `artists_spotify_id_uq` UNIQUE(`spotify_id`)
);
--> statement-breakpoint
CREATE TABLE `track_artists` (
	`track_id` int NOT NULL,
	`artist_id` int NOT NULL,
	`position` smallint NOT NULL,
	CONSTRAINT `track_artists_track_id_artist_id_pk` PRIMARY KEY(`track_id`,`artist_id`)
);
--> statement-breakpoint
CREATE TABLE `tracks` (
	`id` int AUTO_INCREMENT NOT NULL,
	`spotify_id` varchar(32),
	`deezer_id` bigint,
	`isrc` varchar(15),
	`match_key` varchar(255) NOT NULL,
	`title` varchar(512) NOT NULL,
	`artist_names` varchar(1024) NOT NULL,
	`primary_artist_id` int,
	`album` varchar(512),
	`release_date` date,
	`duration_ms` int,
	`explicit` boolean,
	`genre` varchar(64),
	`danceability` double,
	`energy` double,
	`musical_key` tinyint,
	`loudness` double,
	`mode` tinyint,
	`speechiness` double,
	`acousticness` double,
	`instrumentalness` double,
	`liveness` double,
	`valence` double,
	`tempo` double,
	`time_signature` tinyint,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `tracks_id` PRIMARY KEY(`id`),
	CONSTRAINT `tracks_spotify_id_uq` UNIQUE(`spotify_id`),
	CONSTRAINT `tracks_deezer_id_uq` UNIQUE(`deezer_id`)
);
--> statement-breakpoint
CREATE TABLE `chart_entries` (
	`chart_id` int NOT NULL,
	`chart_date` date NOT NULL,
	`rank` smallint NOT NULL,
	`track_id` int NOT NULL,
	`streams` bigint,
	CONSTRAINT `chart_entries_chart_id_chart_date_rank_pk` PRIMARY KEY(`chart_id`,`chart_date`,`rank`)
);
--> statement-breakpoint
CREATE TABLE `charts` (
	`id` int AUTO_INCREMENT NOT NULL,
	`slug` varchar(64) NOT NULL,
	`name` varchar(128) NOT NULL,
	`source` varchar(32) NOT NULL,
	`country` varchar(8) NOT NULL,
	`frequency` enum('weekly','daily') NOT NULL,
	`size` smallint NOT NULL,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `charts_id` PRIMARY KEY(`id`),
	CONSTRAINT `charts_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `popularity_snapshots` (
	`track_id` int NOT NULL,
	`observed_on` date NOT NULL,
	`source` varchar(64) NOT NULL,
	`popularity` double NOT NULL,
	CONSTRAINT `popularity_snapshots_track_id_observed_on_source_pk` PRIMARY KEY(`track_id`,`observed_on`,`source`)
);
--> statement-breakpoint
CREATE TABLE `playlist_tracks` (
	`playlist_id` int NOT NULL,
	`track_id` int NOT NULL,
	`position` smallint,
	`added_on` date,
	`removed_on` date,
	CONSTRAINT `playlist_tracks_playlist_id_track_id_pk` PRIMARY KEY(`playlist_id`,`track_id`)
);
--> statement-breakpoint
CREATE TABLE `playlists` (
	`id` int AUTO_INCREMENT NOT NULL,
	`external_id` varchar(64) NOT NULL,
	`source` varchar(32) NOT NULL,
	`name` varchar(255) NOT NULL,
	`theme` varchar(32),
	`snapshot_id` varchar(128),
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `playlists_id` PRIMARY KEY(`id`),
	CONSTRAINT `playlists_source_external_uq` UNIQUE(`source`,`external_id`)
);
--> statement-breakpoint
CREATE TABLE `forecasts` (
	`id` int AUTO_INCREMENT NOT NULL,
	`track_id` int NOT NULL,
	`chart_id` int NOT NULL,
	`as_of` date NOT NULL,
	`horizon_weeks` smallint NOT NULL,
	`target_date` date NOT NULL,
	`model_id` int NOT NULL,
	`p_charting` double NOT NULL,
	`p10` double NOT NULL,
	`p50` double NOT NULL,
	`p90` double NOT NULL,
	`published_at` datetime,
	`actual` double,
	`actual_charting` boolean,
	`abs_error` double,
	`inside_interval` boolean,
	`audited_at` datetime,
	`audit_published_at` datetime,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `forecasts_id` PRIMARY KEY(`id`),
	CONSTRAINT `forecasts_natural_uq` UNIQUE(`track_id`,`chart_id`,`as_of`,`horizon_weeks`,`model_id`)
);
--> statement-breakpoint
CREATE TABLE `models` (
	`id` int AUTO_INCREMENT NOT NULL,
	`kind` enum('forecast','theme','attributes') NOT NULL,
	`version` int NOT NULL,
	`status` enum('candidate','active','retired') NOT NULL DEFAULT 'candidate',
	`trained_rows` int NOT NULL,
	`feature_spec` json NOT NULL,
	`metrics` json NOT NULL,
	`baseline_metrics` json NOT NULL,
	`decision` varchar(1024),
	`artifact` longblob NOT NULL,
	`activated_at` datetime,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `models_id` PRIMARY KEY(`id`),
	CONSTRAINT `models_kind_version_uq` UNIQUE(`kind`,`version`)
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` int AUTO_INCREMENT NOT NULL,
	`kind` varchar(32) NOT NULL,
	`status` enum('queued','running','succeeded','failed') NOT NULL,
	`params` json NOT NULL,
	`progress_done` int NOT NULL DEFAULT 0,
	`progress_total` int NOT NULL DEFAULT 0,
	`phase` varchar(64),
	`stats` json,
	`checkpoint` json,
	`error` text,
	`requested_by` enum('scheduler','admin','cli') NOT NULL,
	`pid` int,
	`heartbeat_at` datetime,
	`started_at` datetime,
	`finished_at` datetime,
	`created_at` timestamp NOT NULL DEFAULT (now()),
	`updated_at` timestamp NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `job_runs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `mqtt_retained` (
	`topic` varchar(255) NOT NULL,
	`track_id` int NOT NULL,
	`payload_sha256` char(64) NOT NULL,
	`published_at` datetime NOT NULL,
	CONSTRAINT `mqtt_retained_topic` PRIMARY KEY(`topic`)
);
--> statement-breakpoint
CREATE TABLE `admin_events` (
	`id` int AUTO_INCREMENT NOT NULL,
	`action` enum('login_ok','login_failed','login_limited','logout','queue','promote','rollback') NOT NULL,
	`detail` json,
	`ip` varchar(64),
	`user_agent` varchar(512),
	`created_at` timestamp NOT NULL DEFAULT (now()),
	CONSTRAINT `admin_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `artists_name_key_idx` ON `artists` (`name_key`);--> statement-breakpoint
CREATE INDEX `track_artists_artist_idx` ON `track_artists` (`artist_id`);--> statement-breakpoint
CREATE INDEX `tracks_isrc_idx` ON `tracks` (`isrc`);--> statement-breakpoint
CREATE INDEX `tracks_match_key_idx` ON `tracks` (`match_key`);--> statement-breakpoint
CREATE INDEX `tracks_title_search_idx` ON `tracks` (`title`);--> statement-breakpoint
CREATE INDEX `tracks_primary_artist_idx` ON `tracks` (`primary_artist_id`);--> statement-breakpoint
CREATE INDEX `chart_entries_track_chart_date_idx` ON `chart_entries` (`track_id`,`chart_id`,`chart_date`);--> statement-breakpoint
CREATE INDEX `popularity_snapshots_source_date_idx` ON `popularity_snapshots` (`source`,`observed_on`);--> statement-breakpoint
CREATE INDEX `playlist_tracks_track_idx` ON `playlist_tracks` (`track_id`);--> statement-breakpoint
CREATE INDEX `playlists_theme_idx` ON `playlists` (`theme`);--> statement-breakpoint
CREATE INDEX `forecasts_chart_asof_idx` ON `forecasts` (`chart_id`,`as_of`,`horizon_weeks`);--> statement-breakpoint
CREATE INDEX `forecasts_target_audit_idx` ON `forecasts` (`target_date`,`audited_at`);--> statement-breakpoint
CREATE INDEX `forecasts_unpublished_idx` ON `forecasts` (`published_at`);--> statement-breakpoint
CREATE INDEX `forecasts_audit_unpublished_idx` ON `forecasts` (`audit_published_at`,`audited_at`);--> statement-breakpoint
CREATE INDEX `models_kind_status_idx` ON `models` (`kind`,`status`);--> statement-breakpoint
CREATE INDEX `job_runs_kind_created_idx` ON `job_runs` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `job_runs_status_idx` ON `job_runs` (`status`);--> statement-breakpoint
CREATE INDEX `admin_events_created_idx` ON `admin_events` (`created_at`);