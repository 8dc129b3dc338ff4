import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { readingKinds, readingSources } from '../../../shared/contract/atmosphere'
import { instruments } from './instruments'
import { permits } from './permits'
import { spaces } from './spaces'
import { users } from './users'

/**
 * Atmospheric tests (pre-entry and periodic), with who took them: few and rich. Continuous
 * monitoring goes to the compact monitor_readings.
 */
export const gasReadings = sqliteTable(
  'gas_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    takenAt: integer('taken_at').notNull(),
    o2: real('o2'),
    lel: real('lel'),
    h2s: real('h2s'),
    co: real('co'),
    instrument: text('instrument').notNull(),
    /** The register's instrument; null for tests recorded before the register existed. */
    instrumentId: integer('instrument_id').references(() => instruments.id),
    /** Why the test deserves a second look (an overdue bump test or calibration); empty when none. */
    flagged: text('flagged', { mode: 'json' }).$type<string[]>().notNull().default([]),
    takenByUserId: integer('taken_by_user_id').references(() => users.id),
    takenByName: text('taken_by_name').notNull(),
    permitId: integer('permit_id').references(() => permits.id),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    kind: text('kind', { enum: readingKinds }).notNull(),
    source: text('source', { enum: readingSources }).notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    index('gas_readings_permit_idx').on(t.permitId, t.takenAt),
    index('gas_readings_space_idx').on(t.spaceId, t.takenAt),
  ],
)
