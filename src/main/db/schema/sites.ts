import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A site groups spaces, numbers its permits per year and holds its safety settings. */
export const sites = sqliteTable('sites', {
  /** Site id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Short upper-case code in its permit numbers (NORTH in CSE-NORTH-2026-0042); unique. */
  code: text('code').notNull().unique(),
  /** The site's name. */
  name: text('name').notNull(),
  /** Which named limit profile gives permits their default acceptable entry conditions. */
  limitProfile: text('limit_profile').notNull().default('factory'),
  /** How old the latest complete atmospheric test may be for an entry to be accepted. */
  maxTestAgeMinutes: integer('max_test_age_minutes').notNull().default(30),
  /** A permit with people inside and a monitor that has said nothing for longer raises a stale-data alarm. */
  maxReadingGapSeconds: integer('max_reading_gap_seconds').notNull().default(60),
  /** When on, an entry also needs a valid `space:<tag>` entrant grant (access governance). */
  entryRequiresGrant: integer('entry_requires_grant', { mode: 'boolean' }).notNull().default(false),
  /** A pending access request for this site's resources expires after this many days undecided. */
  pendingRequestDays: integer('pending_request_days').notNull().default(7),
  /**
   * Raw continuous readings are kept this many days after their permit is closed or cancelled,
   * then only the per-minute, per-hour and per-day rollups remain; at least 365 (1910.146(e)(6)).
   */
  rawReadingDays: integer('raw_reading_days').notNull().default(400),
  /** Whether the demo loader made it, with made-up permits and people (0/1). */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** When it was created (ms since epoch). */
  createdAt: integer('created_at').notNull(),
  /** When its settings last changed (ms since epoch). */
  updatedAt: integer('updated_at').notNull(),
})

/** The last permit sequence number used per site code and year (key "NORTH:2026"): CSE-NORTH-2026-0042. */
export const permitCounters = sqliteTable('permit_counters', {
  /** Site code and year, `NORTH:2026`. */
  key: text('key').primaryKey(),
  /** The last sequence number issued for that code and year. */
  last: integer('last').notNull(),
})
