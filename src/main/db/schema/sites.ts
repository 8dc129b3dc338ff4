import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A site groups spaces, numbers its permits per year and holds its safety settings. */
export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
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
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/** The last permit sequence number used per site code and year (key "NORTH:2026"): CSE-NORTH-2026-0042. */
export const permitCounters = sqliteTable('permit_counters', {
  key: text('key').primaryKey(),
  last: integer('last').notNull(),
})
