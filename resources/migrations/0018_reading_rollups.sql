CREATE TABLE `reading_rollups_day` (
	`permit_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`gas` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`n` integer NOT NULL,
	`low` integer NOT NULL,
	`high` integer NOT NULL,
	`first` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last` integer NOT NULL,
	`last_at` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`permit_id`, `instrument_id`, `gas`, `starts_at`),
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `reading_rollups_hour` (
	`permit_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`gas` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`n` integer NOT NULL,
	`low` integer NOT NULL,
	`high` integer NOT NULL,
	`first` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last` integer NOT NULL,
	`last_at` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`permit_id`, `instrument_id`, `gas`, `starts_at`),
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `reading_rollups_minute` (
	`permit_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`gas` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`n` integer NOT NULL,
	`low` integer NOT NULL,
	`high` integer NOT NULL,
	`first` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last` integer NOT NULL,
	`last_at` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`permit_id`, `instrument_id`, `gas`, `starts_at`),
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_monitor_readings` (
	`permit_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`recorded_lag_ms` integer NOT NULL,
	`o2` integer,
	`lel` integer,
	`h2s` integer,
	`co` integer,
	`flags` integer NOT NULL,
	PRIMARY KEY(`permit_id`, `instrument_id`, `taken_at`),
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
-- Keyed by (permit, instrument, time): a reading stored twice before is kept once (the first).
INSERT OR IGNORE INTO `__new_monitor_readings`("permit_id", "instrument_id", "taken_at", "recorded_lag_ms", "o2", "lel", "h2s", "co", "flags") SELECT "permit_id", "instrument_id", "taken_at", "recorded_lag_ms", "o2", "lel", "h2s", "co", "flags" FROM `monitor_readings` ORDER BY "id";--> statement-breakpoint
DROP TABLE `monitor_readings`;--> statement-breakpoint
ALTER TABLE `__new_monitor_readings` RENAME TO `monitor_readings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
-- The rollups of the readings already stored (afterwards the reading store keeps them).
INSERT INTO `reading_rollups_minute` SELECT DISTINCT permit_id, instrument_id, 0, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 60000 AS b, taken_at, `o2` AS v FROM `monitor_readings` WHERE `o2` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_minute` SELECT DISTINCT permit_id, instrument_id, 1, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 60000 AS b, taken_at, `lel` AS v FROM `monitor_readings` WHERE `lel` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_minute` SELECT DISTINCT permit_id, instrument_id, 2, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 60000 AS b, taken_at, `h2s` AS v FROM `monitor_readings` WHERE `h2s` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_minute` SELECT DISTINCT permit_id, instrument_id, 3, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 60000 AS b, taken_at, `co` AS v FROM `monitor_readings` WHERE `co` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_hour` SELECT DISTINCT permit_id, instrument_id, 0, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 3600000 AS b, taken_at, `o2` AS v FROM `monitor_readings` WHERE `o2` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_hour` SELECT DISTINCT permit_id, instrument_id, 1, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 3600000 AS b, taken_at, `lel` AS v FROM `monitor_readings` WHERE `lel` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_hour` SELECT DISTINCT permit_id, instrument_id, 2, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 3600000 AS b, taken_at, `h2s` AS v FROM `monitor_readings` WHERE `h2s` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_hour` SELECT DISTINCT permit_id, instrument_id, 3, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 3600000 AS b, taken_at, `co` AS v FROM `monitor_readings` WHERE `co` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_day` SELECT DISTINCT permit_id, instrument_id, 0, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 86400000 AS b, taken_at, `o2` AS v FROM `monitor_readings` WHERE `o2` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_day` SELECT DISTINCT permit_id, instrument_id, 1, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 86400000 AS b, taken_at, `lel` AS v FROM `monitor_readings` WHERE `lel` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_day` SELECT DISTINCT permit_id, instrument_id, 2, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 86400000 AS b, taken_at, `h2s` AS v FROM `monitor_readings` WHERE `h2s` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);--> statement-breakpoint
INSERT INTO `reading_rollups_day` SELECT DISTINCT permit_id, instrument_id, 3, b, count(*) OVER w, min(v) OVER w, max(v) OVER w, first_value(v) OVER w, min(taken_at) OVER w, last_value(v) OVER w, max(taken_at) OVER w, sum(v) OVER w FROM (SELECT permit_id, instrument_id, taken_at - taken_at % 86400000 AS b, taken_at, `co` AS v FROM `monitor_readings` WHERE `co` IS NOT NULL) WINDOW w AS (PARTITION BY permit_id, instrument_id, b ORDER BY taken_at ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);
