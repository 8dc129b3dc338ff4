import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sites } from './sites'
import { users } from './users'

/** A shift handover: the outgoing supervisor signs the report, the incoming one acknowledges it. */
export const handovers = sqliteTable('handovers', {
  /** Handover id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The site it covers; null: every site. */
  siteId: integer('site_id').references(() => sites.id),
  /** JSON of the report signed: current permits, attendants, open alarms, permits ending next shift, headcount. */
  report: text('report', { mode: 'json' }).notNull(),
  /** The outgoing supervisor's notes; empty when none. */
  notes: text('notes').notNull().default(''),
  /** The outgoing supervisor, who signed it by re-entering their password. */
  outgoingId: integer('outgoing_id')
    .notNull()
    .references(() => users.id),
  /** When it was signed (ms since epoch). */
  signedAt: integer('signed_at').notNull(),
  /** The incoming supervisor who acknowledged it (by password); null: not yet acknowledged. */
  incomingId: integer('incoming_id').references(() => users.id),
  /** When it was acknowledged (ms since epoch); null: not yet. */
  acknowledgedAt: integer('acknowledged_at'),
})
