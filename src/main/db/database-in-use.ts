import fs from 'node:fs'
import Database from 'better-sqlite3'

const busyCodes = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED'])

/**
 * Whether a process (the console, browser mode) has this database open. Gatehouse keeps no lock
 * or pid file; its connections hold SQLite's own locks, so SQLite is asked: leaving WAL mode needs
 * every other connection gone and fails with SQLITE_BUSY otherwise. Leaving it also folds the WAL
 * into the file, so the file is whole when moved aside. A file SQLite cannot read at all (the
 * damage a restore repairs) cannot be open in a running console, which refuses damaged files.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false
  const sqlite = new Database(file, { fileMustExist: true, timeout: 1000 })
  try {
    sqlite.pragma('journal_mode = DELETE')
    return false
  } catch (error) {
    return busyCodes.has(String((error as { code?: unknown }).code))
  } finally {
    sqlite.close()
  }
}
