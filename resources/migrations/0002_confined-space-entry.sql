CREATE TABLE `permit_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`limit_profile` text DEFAULT 'factory' NOT NULL,
	`max_test_age_minutes` integer DEFAULT 30 NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code_unique` ON `sites` (`code`);--> statement-breakpoint
CREATE TABLE `spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`tag` text NOT NULL,
	`name` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`hazard_notes` text DEFAULT '' NOT NULL,
	`classification` text NOT NULL,
	`status` text DEFAULT 'available' NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spaces_tag_unique` ON `spaces` (`tag`);--> statement-breakpoint
CREATE INDEX `spaces_site_idx` ON `spaces` (`site_id`);--> statement-breakpoint
CREATE TABLE `attendant_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`shift_name` text NOT NULL,
	`shift_start` integer NOT NULL,
	`shift_end` integer NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendant_assignments_permit_idx` ON `attendant_assignments` (`permit_id`);--> statement-breakpoint
CREATE TABLE `permit_entrants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `permit_entrants_person_idx` ON `permit_entrants` (`permit_id`,`person_key`);--> statement-breakpoint
CREATE TABLE `permit_timeline` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `permit_timeline_permit_idx` ON `permit_timeline` (`permit_id`,`at`);--> statement-breakpoint
CREATE TABLE `permits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`number` text NOT NULL,
	`space_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_to` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`entry_supervisor_id` integer NOT NULL,
	`authorized_by_id` integer,
	`authorized_at` integer,
	`signature_statement` text,
	`hazards` text NOT NULL,
	`isolation_measures` text NOT NULL,
	`limit_profile` text NOT NULL,
	`o2_min` real NOT NULL,
	`o2_max` real NOT NULL,
	`lel_max` real NOT NULL,
	`h2s_max` real NOT NULL,
	`co_max` real NOT NULL,
	`rescue_service` text NOT NULL,
	`rescue_contact` text NOT NULL,
	`communication_method` text NOT NULL,
	`equipment` text NOT NULL,
	`other_safety_info` text DEFAULT '' NOT NULL,
	`related_permits` text NOT NULL,
	`close_out_notes` text,
	`created_by_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_supervisor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authorized_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `permits_site_number_idx` ON `permits` (`site_id`,`number`);--> statement-breakpoint
CREATE INDEX `permits_state_idx` ON `permits` (`state`);--> statement-breakpoint
CREATE INDEX `permits_space_idx` ON `permits` (`space_id`);--> statement-breakpoint
CREATE TABLE `entry_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer NOT NULL,
	`space_id` integer NOT NULL,
	`kind` text NOT NULL,
	`person_key` text NOT NULL,
	`person_name` text NOT NULL,
	`at` integer NOT NULL,
	`attendant_assignment_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer NOT NULL,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attendant_assignment_id`) REFERENCES `attendant_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entry_events_permit_idx` ON `entry_events` (`permit_id`,`at`);--> statement-breakpoint
CREATE INDEX `entry_events_space_idx` ON `entry_events` (`space_id`,`at`);--> statement-breakpoint
CREATE TABLE `gas_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taken_at` integer NOT NULL,
	`o2` real,
	`lel` real,
	`h2s` real,
	`co` real,
	`instrument` text NOT NULL,
	`taken_by_user_id` integer,
	`taken_by_name` text NOT NULL,
	`permit_id` integer,
	`space_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`taken_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gas_readings_permit_idx` ON `gas_readings` (`permit_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `gas_readings_space_idx` ON `gas_readings` (`space_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `evacuation_roll_call` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evacuation_id` integer NOT NULL,
	`permit_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`person_name` text NOT NULL,
	`exited_at` integer,
	FOREIGN KEY (`evacuation_id`) REFERENCES `evacuations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evacuation_roll_call_evacuation_idx` ON `evacuation_roll_call` (`evacuation_id`);--> statement-breakpoint
CREATE TABLE `evacuations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`permit_id` integer,
	`reason` text NOT NULL,
	`ordered_by_id` integer NOT NULL,
	`ordered_at` integer NOT NULL,
	`cleared_at` integer,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer,
	`report` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outgoing_id` integer NOT NULL,
	`signed_at` integer NOT NULL,
	`incoming_id` integer,
	`acknowledged_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outgoing_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incoming_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
