-- Free-text search of the audit trail: an FTS5 index over each entry's words, its content read
-- from audit_entries itself (no second copy), kept by a trigger so no path can append unindexed.
-- Entries are never updated or deleted (their own triggers refuse it), so insert is all it needs.
CREATE VIRTUAL TABLE `audit_search` USING fts5(
	action, actor_name, entity_type, entity_id, before, after,
	content='audit_entries', content_rowid='seq'
);
--> statement-breakpoint
CREATE TRIGGER `audit_entries_search` AFTER INSERT ON `audit_entries` BEGIN
	INSERT INTO `audit_search` (rowid, action, actor_name, entity_type, entity_id, before, after)
	VALUES (new.seq, new.action, new.actor_name, new.entity_type, new.entity_id, new.before, new.after);
END;
--> statement-breakpoint
INSERT INTO `audit_search` (`audit_search`) VALUES ('rebuild');
