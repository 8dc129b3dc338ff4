-- The audit search index also holds each entry's person, action and entity as words of a column of
-- their own, `facets`, so a search with words and a person (or action, or entity) is one FTS5 query
-- whose lists FTS5 intersects itself: a person's 2,000 entries among a million with a common word
-- take 0.5 ms, where reading the word's entries newest first and checking each one's person took
-- seconds when the person's entries were rare among them.
--
-- Facet words (audit-facets.ts writes the same ones for a query): `p` and the person's id (`pnone`
-- for the system); `a` and the action's UTF-8 bytes in hex; `t` and the entity type's; `i` and the
-- entity id's. Hex keeps any value one word of letters and digits. Searches for what a person typed
-- exclude the column, so nobody's words match a facet.
--
-- And the blocks of sequence numbers the entry lies in, of 2^8, 2^12, 2^16 and 2^20 entries
-- (`b8n1953` is seq 499,968 to 500,223): a time range or a page deep in the trail is a few blocks
-- OR'd, which FTS5 seeks through its lists quickly, where it reads a list from its start to honour
-- a rowid range (a day in the middle of a million entries with a common word: 0.6 ms, against 28 ms).
--
-- It keeps an index of words' first characters (prefix='1'): a beginning of one character (`1*`)
-- begins more words than a search spells out (audit_words), and FTS5 would otherwise gather every
-- entry of each of them first, 115 ms for a million entries; with the index, 0.04 ms. It costs
-- about 90 MB a million entries, two thirds more index. Longer beginnings of many words (`12*`)
-- take FTS5 about 9 ms without it.
--
-- Its rowid is the entry's seq negated: a page is the newest entries first, and FTS5 reads its lists
-- fastest in ascending rowid order (a million-entry trail's four-word search: 8 ms, against 13 ms
-- newest-first by descending seq). The index is contentless (it never hands back text, only
-- rowids) and keeps no column sizes (nothing is ranked). It is rebuilt here from the entries,
-- about 20 s for a million.
DROP TRIGGER `audit_entries_search`;
--> statement-breakpoint
DROP TABLE `audit_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `audit_search` USING fts5(
	action, actor_name, entity_type, entity_id, before, after, facets,
	content='', columnsize=0, prefix='1'
);
--> statement-breakpoint
INSERT INTO `audit_search` (rowid, action, actor_name, entity_type, entity_id, before, after, facets)
SELECT -seq, action, actor_name, entity_type, entity_id, before, after,
	concat('p', coalesce(actor_id, 'none'), ' a', hex(action), ' t', hex(entity_type), ' i', hex(coalesce(entity_id, '')),
		' b8n', seq >> 8, ' b12n', seq >> 12, ' b16n', seq >> 16, ' b20n', seq >> 20)
FROM `audit_entries`;
--> statement-breakpoint
CREATE TRIGGER `audit_entries_search` AFTER INSERT ON `audit_entries` BEGIN
	INSERT INTO `audit_search` (rowid, action, actor_name, entity_type, entity_id, before, after, facets)
	VALUES (-new.seq, new.action, new.actor_name, new.entity_type, new.entity_id, new.before, new.after,
		concat('p', coalesce(new.actor_id, 'none'), ' a', hex(new.action), ' t', hex(new.entity_type), ' i', hex(coalesce(new.entity_id, '')),
			' b8n', new.seq >> 8, ' b12n', new.seq >> 12, ' b16n', new.seq >> 16, ' b20n', new.seq >> 20));
	INSERT INTO `audit_words_scratch` (rowid, words)
	VALUES (1, concat_ws(' ', new.action, new.actor_name, new.entity_type, new.entity_id, new.before, new.after));
	INSERT OR IGNORE INTO `audit_words` (word) SELECT term FROM `audit_words_scratch_vocabulary`;
	INSERT INTO `audit_words_scratch` (`audit_words_scratch`) VALUES ('delete-all');
END;
