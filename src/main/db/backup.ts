import fs from 'node:fs'
import path from 'node:path'
import type { OpenedDatabase } from './database'

export const backupsDirIn = (dataDir: string) => path.join(dataDir, 'backups')

/** A time for a file name, in UTC to the second: 20261121T080000Z. */
export const fileStamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

/** `gatehouse-20261121T080000Z-manual.db`; a second backup in the same second gets `-2`, `-3`... */
function freeName(backupsDir: string, at: number, trigger: string): string {
  const base = `gatehouse-${fileStamp(at)}-${trigger}`
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}.db` : `${base}-${String(n)}.db`
    if (!fs.existsSync(path.join(backupsDir, name))) return name
  }
}

/**
 * Online backup with SQLite's backup API: readers and writers carry on while pages are copied.
 * The copy is switched to a rollback journal so it is one self-contained file: in WAL mode every
 * later reader (the check, a restore) would leave -wal and -shm files beside it.
 * Callers run one backup at a time, so the free name stays free until written.
 */
export async function backupDatabase(
  database: Pick<OpenedDatabase, 'sqlite' | 'openFile'>,
  backupsDir: string,
  at: number,
  trigger: string,
) {
  fs.mkdirSync(backupsDir, { recursive: true })
  const file = freeName(backupsDir, at, trigger)
  const target = path.join(backupsDir, file)
  try {
    await database.sqlite.backup(target)
    const copy = database.openFile(target)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
  } catch (error) {
    // A half-written file is no backup; leave nothing that could be mistaken for one.
    fs.rmSync(target, { force: true })
    throw error
  }
  return { file, bytes: fs.statSync(target).size }
}
