PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`tag` text NOT NULL,
	`name` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`hazard_notes` text DEFAULT '' NOT NULL,
	`classification` text NOT NULL,
	`status` text DEFAULT 'in_service' NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_spaces`("id", "site_id", "tag", "name", "location", "hazard_notes", "classification", "status", "retired_at", "created_at", "updated_at") SELECT "id", "site_id", "tag", "name", "location", "hazard_notes", "classification", "status", "retired_at", "created_at", "updated_at" FROM `spaces`;--> statement-breakpoint
DROP TABLE `spaces`;--> statement-breakpoint
ALTER TABLE `__new_spaces` RENAME TO `spaces`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `spaces_tag_unique` ON `spaces` (`tag`);--> statement-breakpoint
CREATE INDEX `spaces_site_idx` ON `spaces` (`site_id`);--> statement-breakpoint
ALTER TABLE `permits` ADD `resumed_at` integer;--> statement-breakpoint
ALTER TABLE `permits` ADD `resumed_after_reading_id` integer;--> statement-breakpoint
ALTER TABLE `entry_events` ADD `corrects_id` integer REFERENCES entry_events(id);--> statement-breakpoint
CREATE INDEX `entry_events_person_idx` ON `entry_events` (`person_key`,`permit_id`);--> statement-breakpoint
ALTER TABLE `evacuations` ADD `site_id` integer REFERENCES sites(id);