PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_evacuations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer,
	`site_id` integer,
	`reason` text NOT NULL,
	`ordered_by_id` integer,
	`ordered_by` text DEFAULT '' NOT NULL,
	`ordered_at` integer NOT NULL,
	`cleared_at` integer,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_evacuations`("id", "permit_id", "site_id", "reason", "ordered_by_id", "ordered_by", "ordered_at", "cleared_at") SELECT "id", "permit_id", "site_id", "reason", "ordered_by_id", "ordered_by", "ordered_at", "cleared_at" FROM `evacuations`;--> statement-breakpoint
DROP TABLE `evacuations`;--> statement-breakpoint
ALTER TABLE `__new_evacuations` RENAME TO `evacuations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;