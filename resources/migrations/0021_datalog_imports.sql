CREATE TABLE `datalog_import_rows` (
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`permit_id` integer NOT NULL,
	`instrument_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`o2` integer,
	`lel` integer,
	`h2s` integer,
	`co` integer,
	PRIMARY KEY(`import_id`, `line`),
	FOREIGN KEY (`import_id`) REFERENCES `datalog_imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instruments`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `datalog_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`file_bytes` integer NOT NULL,
	`columns` text NOT NULL,
	`chosen_permit_id` integer,
	`started_by_id` integer NOT NULL,
	`started_by_name` text NOT NULL,
	`started_by_username` text NOT NULL,
	`started_at` integer NOT NULL,
	`status` text NOT NULL,
	`rows_checked` integer DEFAULT 0 NOT NULL,
	`rows_refused` integer DEFAULT 0 NOT NULL,
	`last_line` integer DEFAULT 1 NOT NULL,
	`first_at` integer,
	`last_at` integer,
	`permit_ids` text NOT NULL,
	`breaches` text NOT NULL,
	`commit_started_at` integer,
	`stored` integer DEFAULT 0 NOT NULL,
	`already_stored` integer DEFAULT 0 NOT NULL,
	`committed_at` integer,
	FOREIGN KEY (`chosen_permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `datalog_imports_sha_idx` ON `datalog_imports` (`file_sha256`);--> statement-breakpoint
CREATE INDEX `datalog_imports_status_idx` ON `datalog_imports` (`status`);