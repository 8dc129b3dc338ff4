import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { deviceScopes } from '../../../shared/contract/devices'
import { sites } from './sites'
import { users } from './users'

/** A field device's token: only its SHA-256 is kept, scoped to one site and one capability. */
export const devices = sqliteTable('devices', {
  /** Device id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The name it was registered under; it also names the tester of tests it sends. */
  name: text('name').notNull(),
  /** The site whose permits it may post readings for. */
  siteId: integer('site_id')
    .notNull()
    .references(() => sites.id),
  /** What its token may do: post_readings (the only capability today). */
  scope: text('scope', { enum: deviceScopes }).notNull(),
  /** SHA-256 (hex) of its token; the token itself is shown once, when made, and never stored. Unique. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The token's first 10 characters (`ghd_` and 6 more), to recognise it in a list or a log. */
  tokenPrefix: text('token_prefix').notNull(),
  /** When it was registered (ms since epoch). */
  createdAt: integer('created_at').notNull(),
  /** The person who registered it. */
  createdById: integer('created_by_id')
    .notNull()
    .references(() => users.id),
  /** When it last called the field API (ms since epoch), written at most once a minute; null: never. */
  lastUsedAt: integer('last_used_at'),
  /** When its token was revoked (ms since epoch); null: still valid. */
  revokedAt: integer('revoked_at'),
  /** Why its token was revoked; null while valid. */
  revokedReason: text('revoked_reason'),
})

/**
 * Batches already stored, by their sender's idempotency key: a retry gets the first answer
 * again and stores nothing twice.
 */
export const ingestBatches = sqliteTable('ingest_batches', {
  /** The sender and its idempotency key: `device:<id>:<key>` or `user:<id>:<key>`. */
  key: text('key').primaryKey(),
  /** JSON of the answer first given: accepted, duplicate, from, to, alarmsRaised, flagged. */
  answer: text('answer', { mode: 'json' }).notNull(),
  /** When the batch was stored (ms since epoch). */
  at: integer('at').notNull(),
})
