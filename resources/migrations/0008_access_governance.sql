CREATE TABLE `access_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`approver_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`granted_until` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `access_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_approvals_one_per_approver_idx` ON `access_approvals` (`request_id`,`approver_id`);--> statement-breakpoint
CREATE TABLE `access_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`resource_id` integer NOT NULL,
	`level` text NOT NULL,
	`request_id` integer,
	`permit_id` integer,
	`valid_from` integer NOT NULL,
	`valid_to` integer NOT NULL,
	`ended_at` integer,
	`end_reason` text,
	`end_note` text,
	`ended_by_id` integer,
	`last_used_at` integer,
	`reminded_day_at` integer,
	`reminded_hour_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resource_id`) REFERENCES `access_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `access_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_grants_request_id_unique` ON `access_grants` (`request_id`);--> statement-breakpoint
CREATE INDEX `access_grants_holder_idx` ON `access_grants` (`user_id`,`resource_id`,`level`);--> statement-breakpoint
CREATE INDEX `access_grants_resource_idx` ON `access_grants` (`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `access_grants_open_idx` ON `access_grants` (`valid_to`) WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX `access_grants_permit_idx` ON `access_grants` (`permit_id`) WHERE permit_id IS NOT NULL AND ended_at IS NULL;--> statement-breakpoint
CREATE TABLE `access_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`requester_id` integer NOT NULL,
	`filed_by_id` integer,
	`resource_id` integer NOT NULL,
	`level` text NOT NULL,
	`justification` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_hours` integer NOT NULL,
	`permit_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`status_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resource_id`) REFERENCES `access_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`permit_id`) REFERENCES `permits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_requests_one_pending_idx` ON `access_requests` (`requester_id`,`resource_id`,`level`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `access_requests_status_idx` ON `access_requests` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `access_requests_requester_idx` ON `access_requests` (`requester_id`,`id`);--> statement-breakpoint
CREATE INDEX `access_requests_resource_idx` ON `access_requests` (`resource_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `access_requests_pending_expiry_idx` ON `access_requests` (`expires_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `access_resource_members` (
	`resource_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`capacity` text NOT NULL,
	PRIMARY KEY(`resource_id`, `user_id`, `capacity`),
	FOREIGN KEY (`resource_id`) REFERENCES `access_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_resource_members_user_idx` ON `access_resource_members` (`user_id`,`capacity`);--> statement-breakpoint
CREATE TABLE `access_resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text,
	`name` text,
	`description` text DEFAULT '' NOT NULL,
	`levels` text NOT NULL,
	`risk_tier` text DEFAULT 'standard' NOT NULL,
	`max_duration_hours` integer NOT NULL,
	`justification_template` text,
	`space_id` integer,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	`retired_reason` text,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_resources_key_unique` ON `access_resources` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `access_resources_space_id_unique` ON `access_resources` (`space_id`);--> statement-breakpoint
CREATE INDEX `access_resources_kind_idx` ON `access_resources` (`kind`);--> statement-breakpoint
CREATE TABLE `access_review_decisions` (
	`review_id` integer NOT NULL,
	`grant_id` integer NOT NULL,
	`action` text NOT NULL,
	`valid_to` integer,
	`note` text DEFAULT '' NOT NULL,
	`decided_by_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `grant_id`),
	FOREIGN KEY (`review_id`) REFERENCES `access_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grant_id`) REFERENCES `access_grants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `access_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`started_by_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`closed_at` integer,
	`closed_by_id` integer,
	FOREIGN KEY (`resource_id`) REFERENCES `access_resources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_reviews_one_open_idx` ON `access_reviews` (`resource_id`) WHERE closed_at IS NULL;--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `sites` ADD `entry_requires_grant` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sites` ADD `pending_request_days` integer DEFAULT 7 NOT NULL;