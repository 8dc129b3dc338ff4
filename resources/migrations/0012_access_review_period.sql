ALTER TABLE `access_resources` ADD `review_every_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `access_resources` ADD `review_due_notified_at` integer;