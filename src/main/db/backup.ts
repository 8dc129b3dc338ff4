import fs from 'node:fs'
import path from 'node:path'
import type { Sqlite } from './database'

const stamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

/**
 * Online backup with SQLite's backup API: readers and writers carry on while pages are copied.
 * Returns the backup file and its size.
 */
export async function backupDatabase(sqlite: Sqlite, backupsDir: string, at: number) {
  fs.mkdirSync(backupsDir, { recursive: true })
  const file = path.join(backupsDir, `gatehouse-${stamp(at)}.db`)
  await sqlite.backup(file)
  return { file, bytes: fs.statSync(file).size }
}
