CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` integer NOT NULL,
	`key_id` text NOT NULL,
	`signature` text NOT NULL,
	`reason` text NOT NULL,
	`reference` text,
	FOREIGN KEY (`key_id`) REFERENCES `signing_keys`(`key_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_seq_idx` ON `audit_checkpoints` (`seq`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`created_at` integer NOT NULL
);
