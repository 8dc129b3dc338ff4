CREATE TABLE `raw_readings_removed` (
	`permit_id` integer PRIMARY KEY NOT NULL,
	`removed_at` integer NOT NULL,
	`readings` integer NOT NULL,
	`ended_at` integer NOT NULL,
	`kept_days` integer NOT NULL,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `raw_reading_days` integer DEFAULT 400 NOT NULL;