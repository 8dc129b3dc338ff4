import { integer, primaryKey, sqliteTable } from 'drizzle-orm/sqlite-core'
import { instruments } from './instruments'
import { permits } from './permits'

/**
 * Continuous monitoring: the high-rate readings of field monitors (a year of 20 monitors at 1 Hz
 * is 630 million rows), designed for size and for the one question asked of them: one monitor's
 * readings for one permit over a window. WITHOUT ROWID (written into the migration; drizzle cannot
 * say it), so the primary key (permit, instrument, time) is the table's only b-tree: a window is a
 * range scan, no index costs bytes, and a reading sent twice is stored once. Instrument and permit
 * are ids; each gas is an integer count of its storage step (reading-values.ts: 0.01 % vol O2,
 * 0.1 % LEL, 0.1 ppm H2S and CO), which SQLite stores in 1 to 3 bytes where a REAL takes 8; a gas
 * not measured is NULL (1 bit of the record header), never 0. recorded_lag_ms is when Gatehouse
 * recorded it, as an offset from taken_at (small, so 1 to 3 bytes).
 * Flags: bit 0 simulated, bits 1-2 source (0 field API, 1 import, 2 simulator, 3 manual).
 */
export const monitorReadings = sqliteTable(
  'monitor_readings',
  {
    /** The permit it was taken for. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** The instrument that took the reading. */
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id),
    /** When the instrument took it (ms since epoch); one reading per instrument, permit and millisecond. */
    takenAt: integer('taken_at').notNull(),
    /** When Gatehouse recorded it minus taken_at, in ms (below 0 if the instrument's clock runs ahead). */
    recordedLagMs: integer('recorded_lag_ms').notNull(),
    /** Oxygen in steps of 0.01 % vol (2090 is 20.9 %); null: not measured. */
    o2: integer('o2'),
    /** Combustible gases in steps of 0.1 % LEL (50 is 5 %); null: not measured. */
    lel: integer('lel'),
    /** Hydrogen sulfide in steps of 0.1 ppm (15 is 1.5 ppm); null: not measured. */
    h2s: integer('h2s'),
    /** Carbon monoxide in steps of 0.1 ppm (250 is 25 ppm); null: not measured. */
    co: integer('co'),
    /** Bit 0: simulated; bits 1-2: source (0 field API, 1 import, 2 simulator, 3 manual). */
    flags: integer('flags').notNull(),
  },
  (t) => [primaryKey({ columns: [t.permitId, t.instrumentId, t.takenAt] })],
)

/**
 * The newest value of each gas per instrument and permit, kept in the same transaction as the
 * readings: the board and the permit page read this, never the readings themselves.
 */
export const liveValues = sqliteTable(
  'live_values',
  {
    /** The instrument that read the value. */
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id),
    /** The permit it was read for. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** Which gas, by position: 0 o2, 1 lel, 2 h2s, 3 co. */
    gas: integer('gas').notNull(),
    /** The newest value of that gas. In storage steps, like monitor_readings. */
    value: integer('value').notNull(),
    /** When that value was taken (ms since epoch). */
    takenAt: integer('taken_at').notNull(),
    /** Whether it came from the simulator (0/1). */
    simulated: integer('simulated', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.permitId, t.instrumentId, t.gas] })],
)

/**
 * What a chart or an exposure needs of a stretch of readings without reading them: per permit,
 * instrument, gas and minute (hour), the count, lowest, highest, first, last and sum, kept in the
 * same transaction as the readings (readings/reading-store.ts), imports and late readings
 * included. First and last carry their times so a late reading lands in its place. Values in
 * storage steps, like monitor_readings. WITHOUT ROWID, keyed for a series' window.
 */
const rollupColumns = {
  /** The permit the readings were taken for. */
  permitId: integer('permit_id')
    .notNull()
    .references(() => permits.id),
  /** The instrument that took them. */
  instrumentId: integer('instrument_id')
    .notNull()
    .references(() => instruments.id),
  /** Which gas, by position: 0 o2, 1 lel, 2 h2s, 3 co. */
  gas: integer('gas').notNull(),
  /** Start of the period (ms since epoch, UTC, on the minute or the hour). */
  startsAt: integer('starts_at').notNull(),
  /** How many readings of the gas fell in the period. */
  n: integer('n').notNull(),
  /** The lowest of them. */
  low: integer('low').notNull(),
  /** The highest of them. */
  high: integer('high').notNull(),
  /** The earliest taken. */
  first: integer('first').notNull(),
  /** When the earliest was taken (ms since epoch). */
  firstAt: integer('first_at').notNull(),
  /** The latest taken. */
  last: integer('last').notNull(),
  /** When the latest was taken (ms since epoch). */
  lastAt: integer('last_at').notNull(),
  /** Their sum (the average is total / n). */
  total: integer('total').notNull(),
}

/** Per-minute rollups of monitor_readings. */
export const minuteRollups = sqliteTable('reading_rollups_minute', rollupColumns, (t) => [
  primaryKey({ columns: [t.permitId, t.instrumentId, t.gas, t.startsAt] }),
])

/** Per-hour rollups of monitor_readings. */
export const hourRollups = sqliteTable('reading_rollups_hour', rollupColumns, (t) => [
  primaryKey({ columns: [t.permitId, t.instrumentId, t.gas, t.startsAt] }),
])

/** Per-day (UTC) rollups of monitor_readings: a year's chart reads 365 rows a series, not 8,760. */
export const dayRollups = sqliteTable('reading_rollups_day', rollupColumns, (t) => [
  primaryKey({ columns: [t.permitId, t.instrumentId, t.gas, t.startsAt] }),
])
