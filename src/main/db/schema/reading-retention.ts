import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import { permits } from './permits'

/**
 * Permits whose raw continuous readings retention removed (readings/reading-retention.ts): only
 * their per-minute, per-hour and per-day rollups remain. Exports and trends read it to say so, and the Admin
 * page's System section shows the last run from it.
 */
export const rawReadingsRemoved = sqliteTable('raw_readings_removed', {
  /** The permit whose raw readings were removed. */
  permitId: integer('permit_id')
    .primaryKey()
    .references(() => permits.id),
  /** When the last of them were removed (ms since epoch). */
  removedAt: integer('removed_at').notNull(),
  /** How many raw readings were removed in all. */
  readings: integer('readings').notNull(),
  /** When the permit was closed or cancelled (ms since epoch): retention counts from it. */
  endedAt: integer('ended_at').notNull(),
  /** The site's setting that applied: raw readings kept this many days after the permit ended. */
  keptDays: integer('kept_days').notNull(),
})
