CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_action_idx` ON `audit_entries` (`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity_idx` ON `audit_entries` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_entries_at_idx` ON `audit_entries` (`at`);