import { integer, primaryKey, sqliteTable } from 'drizzle-orm/sqlite-core'
import { instruments } from './instruments'
import { permits } from './permits'

/**
 * Continuous monitoring: the high-rate readings of field monitors (a year of 20 monitors at 1 Hz
 * is 630 million rows), designed for size. The rowid is the one clustered key and follows commit
 * order, which is time order; there is no other index, because ingest needs none. Instrument and
 * permit are ids; each gas is an integer count of its storage step (reading-values.ts: 0.01 % vol
 * O2, 0.1 % LEL, 0.1 ppm H2S and CO), which SQLite stores in 1 to 3 bytes where a REAL takes 8; a
 * gas not measured is NULL (1 bit of the record header), never 0. recorded_lag_ms is when
 * Gatehouse recorded it, as an offset from taken_at (small, so 1 to 3 bytes).
 * Flags: bit 0 simulated, bits 1-2 source (0 field API, 1 import, 2 simulator, 3 manual).
 */
export const monitorReadings = sqliteTable('monitor_readings', {
  id: integer('id').primaryKey(),
  instrumentId: integer('instrument_id')
    .notNull()
    .references(() => instruments.id),
  permitId: integer('permit_id')
    .notNull()
    .references(() => permits.id),
  takenAt: integer('taken_at').notNull(),
  recordedLagMs: integer('recorded_lag_ms').notNull(),
  o2: integer('o2'),
  lel: integer('lel'),
  h2s: integer('h2s'),
  co: integer('co'),
  flags: integer('flags').notNull(),
})

/**
 * The newest value of each gas per instrument and permit, kept in the same transaction as the
 * readings: the board and the permit page read this, never the readings themselves.
 */
export const liveValues = sqliteTable(
  'live_values',
  {
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    gas: integer('gas').notNull(),
    /** In storage steps, like monitor_readings. */
    value: integer('value').notNull(),
    takenAt: integer('taken_at').notNull(),
    simulated: integer('simulated', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.permitId, t.instrumentId, t.gas] })],
)
