import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { instruments } from './instruments'
import { permits } from './permits'
import { users } from './users'

/**
 * A datalog imported from a CSV file (or being imported): what the file was, who brought it, what
 * was found in it and how far its commit has gone. A commit is all or nothing and rolls forward:
 * once `commit_started_at` is set the staged rows are moved into monitor_readings whatever happens,
 * finished at the next start-up after a crash.
 */
export const datalogImports = sqliteTable(
  'datalog_imports',
  {
    /** Import id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The file's name as the person chose it (no folder). */
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes, lower-case hex: the same file imported again is recognised by it. */
    fileSha256: text('file_sha256').notNull(),
    /** The file's size in bytes. */
    fileBytes: integer('file_bytes').notNull(),
    /** JSON object: which column of the file became which field (time, serial, o2, lel, h2s, co, permit). */
    columns: text('columns', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** The permit chosen in the dialog for a file without a permit column; null: the file names it per row. */
    chosenPermitId: integer('chosen_permit_id').references(() => permits.id),
    /** Who imports it. */
    startedById: integer('started_by_id')
      .notNull()
      .references(() => users.id),
    /** Their name at the time (display name), for "imported on … by …". */
    startedByName: text('started_by_name').notNull(),
    /** Their username at the time: the audit entry's actor, also when a restart finishes the commit. */
    startedByUsername: text('started_by_username').notNull(),
    /** When the import was opened (ms since epoch). */
    startedAt: integer('started_at').notNull(),
    /** staging: rows arriving and checked; committing: moving into the readings; committed: done. */
    status: text('status', { enum: ['staging', 'committing', 'committed'] }).notNull(),
    /** Rows of the file checked so far. */
    rowsChecked: integer('rows_checked').notNull().default(0),
    /** Rows with at least one problem: any makes the commit refuse. */
    rowsRefused: integer('rows_refused').notNull().default(0),
    /** The highest row number checked so far: rows arrive in file order, each once. */
    lastLine: integer('last_line').notNull().default(1),
    /** The earliest reading time among the good rows (ms since epoch); null: none yet. */
    firstAt: integer('first_at'),
    /** The latest reading time among the good rows (ms since epoch); null: none yet. */
    lastAt: integer('last_at'),
    /** JSON array of the ids of the permits the good rows belong to. */
    permitIds: text('permit_ids', { mode: 'json' }).$type<number[]>().notNull(),
    /** JSON object gas -> level -> count: readings of the file at or beyond an alarm level or the permit's conditions. */
    breaches: text('breaches', { mode: 'json' }).$type<Record<string, Record<string, number>>>().notNull(),
    /** When its commit started (ms since epoch); from then on it is finished whatever happens. Null: not started. */
    commitStartedAt: integer('commit_started_at'),
    /** Readings moved into monitor_readings so far that were new. */
    stored: integer('stored').notNull().default(0),
    /** Readings moved so far that were already stored (same permit, instrument and millisecond). */
    alreadyStored: integer('already_stored').notNull().default(0),
    /** When the last reading was moved and the import audited (ms since epoch); null: not yet. */
    committedAt: integer('committed_at'),
  },
  (t) => [index('datalog_imports_sha_idx').on(t.fileSha256), index('datalog_imports_status_idx').on(t.status)],
)

/**
 * The good rows of an import waiting for its commit, already in stored form (ids, storage steps as in
 * monitor_readings). Moved out in chunks by the commit; dropped with an import that is not committed.
 * WITHOUT ROWID (written into the migration, as for monitor_readings): the key is the only b-tree.
 */
export const datalogImportRows = sqliteTable(
  'datalog_import_rows',
  {
    /** The import the row belongs to. */
    importId: integer('import_id')
      .notNull()
      .references(() => datalogImports.id),
    /** Its row number in the file (the header is row 1). */
    line: integer('line').notNull(),
    /** The permit it belongs to. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** The instrument that took it. */
    instrumentId: integer('instrument_id')
      .notNull()
      .references(() => instruments.id),
    /** When the instrument took it (ms since epoch, UTC). */
    takenAt: integer('taken_at').notNull(),
    /** Oxygen in steps of 0.01 % vol; null: not measured. */
    o2: integer('o2'),
    /** Combustible gases in steps of 0.1 % LEL; null: not measured. */
    lel: integer('lel'),
    /** Hydrogen sulfide in steps of 0.1 ppm; null: not measured. */
    h2s: integer('h2s'),
    /** Carbon monoxide in steps of 0.1 ppm; null: not measured. */
    co: integer('co'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
)
