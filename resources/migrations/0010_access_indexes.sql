DROP INDEX `access_grants_holder_idx`;--> statement-breakpoint
CREATE INDEX `access_grants_holder_idx` ON `access_grants` (`user_id`,`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `access_requests_filed_by_idx` ON `access_requests` (`filed_by_id`,`id`) WHERE filed_by_id IS NOT NULL;