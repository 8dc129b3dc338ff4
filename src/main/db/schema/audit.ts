import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Append-only hash chain; a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    /** Its place in the chain: 1, 2, 3, ... with no gaps. */
    seq: integer('seq').primaryKey(),
    /** When the change was committed (ms since epoch). */
    at: integer('at').notNull(),
    /** The user who acted; null when Gatehouse acted by itself, and for a failed sign-in. */
    actorId: integer('actor_id'),
    /** Who acted: a username, `system`, `Gatehouse (gas alarm)`, or the username tried at a failed sign-in. */
    actorName: text('actor_name').notNull(),
    /** What was done, dotted: `permit.created`, `access.request.approved`, `auth.login_failed`, ... */
    action: text('action').notNull(),
    /** The kind of record it concerns: `permit`, `user`, `access_grant`, `reading_batch`, ... */
    entityType: text('entity_type').notNull(),
    /** That record's id, as text (a batch's idempotency key); null when none or several. */
    entityId: text('entity_id'),
    /** Canonical JSON (RFC 8785) summary of the record before the change, never secrets; null: none. */
    before: text('before'),
    /** Canonical JSON (RFC 8785) summary of the record after, or of what was done; null: none. */
    after: text('after'),
    /** The previous entry's hash (64 zeros for the first entry). */
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 (hex) of the canonical JSON of every other field of the entry, prev_hash included. */
    hash: text('hash').notNull(),
  },
  // Each filter of the audit page reads its own index in sequence order, so a page stops after 50 rows.
  // Free text is the audit_search FTS5 table with each entry's person, action and entity as facet words, kept by a trigger (migrations 0015, 0023).
  (t) => [
    index('audit_entries_actor_idx').on(t.actorId, t.seq),
    index('audit_entries_action_idx').on(t.action, t.seq),
    index('audit_entries_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_entries_at_idx').on(t.at),
  ],
)
