import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import * as schema from './schema'
import { checkHeader, checkOpenedDatabase, isDamage } from './startup-check'
import { StatementCachingClient } from './statement-cache'

export type Db = BetterSQLite3Database<typeof schema>
export type Sqlite = Database.Database

export interface OpenedDatabase {
  sqlite: Sqlite
  db: Db
  file: string
  /** What the bounded start-up check (startup-check.ts) took and saw; pages is 0 for a new file. */
  startupCheck: { durationMs: number; pages: number }
  /** Opens another SQLite file (a backup) with the same driver build: Electron's differs from Node's. */
  openFile(file: string, options?: { readonly?: boolean }): Sqlite
  /** That build's path, for a worker thread that opens a file itself (full-check.ts); absent: Node's own. */
  nativeBinding?: string
  close(): void
}

/** The database's place in a data folder. */
export const databaseFileIn = (dataDir: string) => path.join(dataDir, 'gatehouse.db')

export interface OpenDatabaseOptions {
  file: string
  migrationsFolder: string
  nativeBinding?: string
}

/** The file is not a healthy SQLite database; Gatehouse refuses to run on it. */
export class DatabaseDamagedError extends Error {
  constructor(file: string, detail: string) {
    super(
      `The Gatehouse database at ${file} is damaged (${detail}). Gatehouse will not run on a damaged file; ` +
        `restore the latest backup from ${path.join(path.dirname(file), 'backups')}: ` +
        `npm run db:restore -- --data-dir ${path.dirname(file)} --from FILE (it keeps the damaged file aside).`,
    )
    this.name = 'DatabaseDamagedError'
  }
}

/** The file is a SQLite database, but another program's: Gatehouse will not write its tables into it. */
export class ForeignDatabaseError extends Error {
  constructor(file: string, detail: string) {
    super(
      `The file at ${file} is not a Gatehouse database (${detail}). Gatehouse will not write its tables into ` +
        `another program's database; move the file away, or start Gatehouse with --data-dir pointing at its own data folder.`,
    )
    this.name = 'ForeignDatabaseError'
  }
}

/** How long a connection waits for another's lock before giving up. */
const busyTimeout = 'busy_timeout = 5000'

/** Every connection gets the same pragmas, set here and nowhere else. */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL')
  // Committed safety records must survive a power cut.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(busyTimeout)
}

/** Raised when, after the migrations, a row points at nothing: Gatehouse will not run on such a file. */
export class MigrationForeignKeyError extends Error {
  constructor(violations: unknown[]) {
    super(
      `The database migrations would leave ${violations.length} broken reference(s): ${JSON.stringify(violations.slice(0, 5))}.`,
    )
    this.name = 'MigrationForeignKeyError'
  }
}

/**
 * drizzle-kit changes a SQLite column by rebuilding its table, which needs foreign keys off
 * (sqlite.org/lang_altertable.html, "other kinds of table schema changes"); the pragma is a no-op
 * inside the migrator's transaction, so it is set around it, and every reference is checked after.
 */
function migrateWithForeignKeysDeferred(sqlite: Sqlite, db: Db, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder })
    const violations = sqlite.pragma('foreign_key_check') as unknown[]
    if (violations.length > 0) throw new MigrationForeignKeyError(violations)
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/**
 * Whether the folder holds a migration the file has not had, by drizzle's own rule (a migration
 * newer than the last applied). Checked first because migrating means checking every reference,
 * which reads every row: an upgrade may take that long, an ordinary start-up must not.
 */
function hasPendingMigrations(sqlite: Sqlite, migrationsFolder: string): boolean {
  const tracked = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get()
  if (!tracked) return true
  const last = sqlite.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null
  return readMigrationFiles({ migrationsFolder }).some(
    (migration) => last === null || Number(last) < migration.folderMillis,
  )
}

/**
 * Opens the database after the bounded start-up check (startup-check.ts: header, schema, the
 * edges of every table, Gatehouse's tables), refusing a damaged or foreign file, then migrates.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(options.file), { recursive: true })
  const started = performance.now()
  const header = checkHeader(options.file)
  if (header !== null && header !== 'empty') throw new DatabaseDamagedError(options.file, header)
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const sqlite = new Database(options.file, binding)
  try {
    // Checked before the other pragmas, which would write (WAL mode) to a file about to be refused.
    sqlite.pragma(busyTimeout)
    const verdict = checkOpenedDatabase(sqlite)
    if (verdict.verdict === 'damaged') throw new DatabaseDamagedError(options.file, verdict.problem)
    if (verdict.verdict === 'foreign') throw new ForeignDatabaseError(options.file, verdict.problem)
    const startupCheck = {
      durationMs: performance.now() - started,
      pages: verdict.verdict === 'ok' ? verdict.pages : 0,
    }
    applyPragmas(sqlite)
    // drizzle uses only prepare and transaction of its client; the cache provides both.
    const db = drizzle(new StatementCachingClient(sqlite) as unknown as Sqlite, { schema })
    if (hasPendingMigrations(sqlite, options.migrationsFolder))
      migrateWithForeignKeysDeferred(sqlite, db, options.migrationsFolder)
    return {
      sqlite,
      db,
      file: options.file,
      startupCheck,
      openFile: (file, { readonly = false } = {}) => new Database(file, { ...binding, readonly, fileMustExist: true }),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      close: () => sqlite.close(),
    }
  } catch (error) {
    sqlite.close()
    if (isDamage(error)) throw new DatabaseDamagedError(options.file, error.message)
    throw error
  }
}
