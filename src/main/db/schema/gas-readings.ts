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
    /** Test id; ids follow commit order (a permit's resumption remembers the last one). */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** When the instrument took it (ms since epoch). */
    takenAt: integer('taken_at').notNull(),
    /** Oxygen, % vol; null: not measured. */
    o2: real('o2'),
    /** Combustible gases, % of the lower explosive limit; null: not measured. */
    lel: real('lel'),
    /** Hydrogen sulfide, ppm; null: not measured. */
    h2s: real('h2s'),
    /** Carbon monoxide, ppm; null: not measured. */
    co: real('co'),
    /** The instrument as written with the test: its serial (a description on demo data). */
    instrument: text('instrument').notNull(),
    /** The register's instrument; null for tests recorded before the register existed. */
    instrumentId: integer('instrument_id').references(() => instruments.id),
    /** JSON array: why the test deserves a second look (an overdue bump test or calibration); empty when none. */
    flagged: text('flagged', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The tester's account; null when known by name only (a field device, the simulator, a named tester). */
    takenByUserId: integer('taken_by_user_id').references(() => users.id),
    /** The tester's name: a person's display name, a device's name, or `Simulator`. */
    takenByName: text('taken_by_name').notNull(),
    /** The permit the test was taken for; every test recorded today has one. */
    permitId: integer('permit_id').references(() => permits.id),
    /** The space tested (the permit's). */
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    /** pre_entry (before entry) or periodic (during work); continuous readings go to monitor_readings. */
    kind: text('kind', { enum: readingKinds }).notNull(),
    /** How it arrived: manual (entered in Gatehouse), import, field_api (a device) or simulator. */
    source: text('source', { enum: readingSources }).notNull(),
    /** When Gatehouse stored it (ms since epoch); a test counts as of the earlier of this and taken_at. */
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    index('gas_readings_permit_idx').on(t.permitId, t.takenAt),
    index('gas_readings_space_idx').on(t.spaceId, t.takenAt),
  ],
)
