import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Every backup Gatehouse wrote, with what its check found; rows stay when old files are removed. */
export const backups = sqliteTable(
  'backups',
  {
    /** Backup id, in the order they were taken. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The file's name in the data folder's `backups/` directory; unique. */
    file: text('file').notNull().unique(),
    /** Its size in bytes when written. */
    bytes: integer('bytes').notNull(),
    /** When it was taken (ms since epoch). */
    at: integer('at').notNull(),
    /** Who asked: an administrator (manual) or the schedule (scheduled). */
    trigger: text('trigger', { enum: ['manual', 'scheduled'] }).notNull(),
    /** `ok` when the written file passed SQLite's integrity check and is a Gatehouse database; else the first problem. */
    integrity: text('integrity').notNull(),
    /** The audit entry named by the signed checkpoint taken with it (audit_checkpoints, reason backup). */
    checkpointSeq: integer('checkpoint_seq').notNull(),
    /** When the schedule removed the file from disk as one beyond those kept (ms since epoch); null: kept. */
    removedAt: integer('removed_at'),
  },
  (t) => [index('backups_trigger_at_idx').on(t.trigger, t.at)],
)

/** The installation's backup schedule, one row (id 1) once an administrator sets it; until then daily, 14 kept. */
export const backupSettings = sqliteTable(
  'backup_settings',
  {
    /** Always 1: the schedule covers the whole database, so there is one for the installation. */
    id: integer('id').primaryKey(),
    /** A scheduled backup is taken when the last one is this many hours old. */
    everyHours: integer('every_hours').notNull(),
    /** How many scheduled backups that passed their check are kept on disk; manual ones are always kept. */
    keepScheduled: integer('keep_scheduled').notNull(),
    /** When an administrator last changed it (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('backup_settings_one_row', sql`${t.id} = 1`)],
)
