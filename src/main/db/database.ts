import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { StatementCachingClient } from './statement-cache'

export type Db = BetterSQLite3Database<typeof schema>
export type Sqlite = Database.Database

export interface OpenedDatabase {
  sqlite: Sqlite
  db: Db
  file: string
  /** Opens another SQLite file (a backup) with the same driver build: Electron's differs from Node's. */
  openFile(file: string, options?: { readonly?: boolean }): Sqlite
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

/** Every connection gets the same pragmas, set here and nowhere else. */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL')
  // Committed safety records must survive a power cut.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
}

const damageCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX'])

function isDamage(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && damageCodes.has(String(error.code))
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

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(options.file), { recursive: true })
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  const sqlite = new Database(options.file, binding)
  try {
    applyPragmas(sqlite)
    // quick_check reads every page but skips index cross-checks: thorough enough at start-up.
    const problems = sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[]
    const first = problems[0]?.quick_check
    if (first !== 'ok') throw new DatabaseDamagedError(options.file, first ?? 'integrity check returned nothing')
    // drizzle uses only prepare and transaction of its client; the cache provides both.
    const db = drizzle(new StatementCachingClient(sqlite) as unknown as Sqlite, { schema })
    migrateWithForeignKeysDeferred(sqlite, db, options.migrationsFolder)
    return {
      sqlite,
      db,
      file: options.file,
      openFile: (file, { readonly = false } = {}) => new Database(file, { ...binding, readonly, fileMustExist: true }),
      close: () => sqlite.close(),
    }
  } catch (error) {
    sqlite.close()
    if (isDamage(error)) throw new DatabaseDamagedError(options.file, error.message)
    throw error
  }
}
