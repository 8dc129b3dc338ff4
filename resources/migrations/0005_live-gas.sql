CREATE TABLE `instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`serial` text NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`sensors` text NOT NULL,
	`last_bump_at` integer,
	`calibration_due_at` integer,
	`status` text DEFAULT 'in_service' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instruments_serial_unique` ON `instruments` (`serial`);--> statement-breakpoint
CREATE TABLE `live_values` (
	`instrument_id` integer NOT NULL,
	`permit_id` integer NOT NULL,
	`gas` integer NOT NULL,
	`value` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`simulated` integer NOT NULL,
	PRIMARY KEY(`permit_id`, `instrument_id`, `gas`),
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `monitor_readings` (
	`id` integer PRIMARY KEY NOT NULL,
	`instrument_id` integer NOT NULL,
	`permit_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`recorded_lag_ms` integer NOT NULL,
	`o2` integer,
	`lel` integer,
	`h2s` integer,
	`co` integer,
	`flags` integer NOT NULL,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `alarms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`priority` text NOT NULL,
	`permit_id` integer NOT NULL,
	`instrument_id` integer,
	`source_key` text NOT NULL,
	`gas` text,
	`level` text NOT NULL,
	`value` real,
	`limit` real,
	`message` text NOT NULL,
	`raised_at` integer NOT NULL,
	`first_out` integer NOT NULL,
	`latched` integer DEFAULT false NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by_id` integer,
	`cleared_at` integer,
	`resolved_at` integer,
	`resolved_by_id` integer,
	`resolution` text,
	`resolution_note` text,
	`help_sent` integer,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alarms_open_idx` ON `alarms` (`resolved_at`,`permit_id`);--> statement-breakpoint
CREATE INDEX `alarms_permit_idx` ON `alarms` (`permit_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `alarms_raised_idx` ON `alarms` (`raised_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`site_id` integer NOT NULL,
	`scope` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_id` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_reason` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `ingest_batches` (
	`key` text PRIMARY KEY NOT NULL,
	`answer` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sites` ADD `max_reading_gap_seconds` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `gas_readings` ADD `instrument_id` integer REFERENCES instruments(id);--> statement-breakpoint
ALTER TABLE `gas_readings` ADD `flagged` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `evacuations` ADD `ordered_by` text DEFAULT '' NOT NULL;