import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sites } from './sites'
import { users } from './users'

/** A shift handover: the outgoing supervisor signs the report, the incoming one acknowledges it. */
export const handovers = sqliteTable('handovers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  siteId: integer('site_id').references(() => sites.id),
  report: text('report', { mode: 'json' }).notNull(),
  notes: text('notes').notNull().default(''),
  outgoingId: integer('outgoing_id')
    .notNull()
    .references(() => users.id),
  signedAt: integer('signed_at').notNull(),
  incomingId: integer('incoming_id').references(() => users.id),
  acknowledgedAt: integer('acknowledged_at'),
})
