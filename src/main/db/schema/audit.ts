import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Append-only hash chain; a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEntries = sqliteTable('audit_entries', {
  seq: integer('seq').primaryKey(),
  at: integer('at').notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
})
