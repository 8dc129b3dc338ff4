CREATE TABLE `backup_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`every_hours` integer NOT NULL,
	`keep_scheduled` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "backup_settings_one_row" CHECK("backup_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file` text NOT NULL,
	`bytes` integer NOT NULL,
	`at` integer NOT NULL,
	`trigger` text NOT NULL,
	`integrity` text NOT NULL,
	`checkpoint_seq` integer NOT NULL,
	`removed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backups_file_unique` ON `backups` (`file`);--> statement-breakpoint
CREATE INDEX `backups_trigger_at_idx` ON `backups` (`trigger`,`at`);