import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { integrityCheckTriggers } from '../../../shared/contract/system'

/**
 * Every check of the database file Gatehouse made, with what it found. `startup` is the bounded
 * check each start-up makes (header, schema, the edges of every table: db/startup-check.ts);
 * `scheduled` and `manual` are SQLite's full integrity_check, which reads every page.
 */
export const integrityChecks = sqliteTable(
  'integrity_checks',
  {
    /** Check id, in the order they finished. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** When it started (ms since epoch). */
    at: integer('at').notNull(),
    /** What started it: start-up (the bounded check), the schedule or an administrator (the full check). */
    trigger: text('trigger', { enum: integrityCheckTriggers }).notNull(),
    /** `ok`, or the first problem it found (or why it could not run). */
    result: text('result').notNull(),
    /** How long the check itself took, in ms. */
    durationMs: integer('duration_ms').notNull(),
    /** The database's size in pages when checked. */
    pages: integer('pages').notNull(),
  },
  (t) => [index('integrity_checks_trigger_at_idx').on(t.trigger, t.at)],
)

/** How often the full check runs, one row (id 1) once an administrator sets it; until then daily. */
export const integrityCheckSettings = sqliteTable(
  'integrity_check_settings',
  {
    /** Always 1: the check covers the whole database file, so there is one schedule for the installation. */
    id: integer('id').primaryKey(),
    /** A scheduled full check runs when the last full check is this many hours old. */
    everyHours: integer('every_hours').notNull(),
    /** When an administrator last changed it (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('integrity_check_settings_one_row', sql`${t.id} = 1`)],
)
