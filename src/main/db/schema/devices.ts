import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { deviceScopes } from '../../../shared/contract/devices'
import { sites } from './sites'
import { users } from './users'

/** A field device's token: only its SHA-256 is kept, scoped to one site and one capability. */
export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  siteId: integer('site_id')
    .notNull()
    .references(() => sites.id),
  scope: text('scope', { enum: deviceScopes }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  tokenPrefix: text('token_prefix').notNull(),
  createdAt: integer('created_at').notNull(),
  createdById: integer('created_by_id')
    .notNull()
    .references(() => users.id),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
  revokedReason: text('revoked_reason'),
})

/**
 * Batches already stored, by their sender's idempotency key: a retry gets the first answer
 * again and stores nothing twice.
 */
export const ingestBatches = sqliteTable('ingest_batches', {
  key: text('key').primaryKey(),
  answer: text('answer', { mode: 'json' }).notNull(),
  at: integer('at').notNull(),
})
