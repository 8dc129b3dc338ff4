CREATE TABLE `integrity_check_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`every_hours` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "integrity_check_settings_one_row" CHECK("integrity_check_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `integrity_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`trigger` text NOT NULL,
	`result` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`pages` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `integrity_checks_trigger_at_idx` ON `integrity_checks` (`trigger`,`at`);