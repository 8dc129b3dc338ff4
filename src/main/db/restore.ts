import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Actor } from '../audit/audit-repository'
import { existingKeyId } from '../audit/signing-key'
import { EventBus } from '../core/event-bus'
import { createCommit } from '../core/unit-of-work'
import { fileStamp } from './backup'
import { foreignKeyProblem, newerSchemaProblem } from './backup-origin'
import { databaseFileIn, openDatabase } from './database'
import { checkDatabaseFile } from './database-file-check'
import { isDatabaseInUse } from './database-in-use'

/** The restore was refused; nothing in the data folder changed. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreRefused'
  }
}

/** What SQLite may keep beside a database file; a hot journal left beside a restored file would be replayed into it. */
const companions = ['', '-wal', '-shm', '-journal']

const removeWithCompanions = (file: string) => {
  for (const suffix of companions) fs.rmSync(`${file}${suffix}`, { force: true })
}

function moveWithCompanions(from: string, to: string) {
  for (const suffix of companions)
    if (fs.existsSync(`${from}${suffix}`)) fs.renameSync(`${from}${suffix}`, `${to}${suffix}`)
}

function asideName(target: string, now: number): string {
  const base = `${target}.before-restore-${fileStamp(now)}`
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${String(n)}`
    if (!fs.existsSync(name)) return name
  }
}

/** Refuses a damaged, foreign or too new file; `file` is the restore's own copy, opened read-write. */
function vet(file: string, from: string, keyId: string | null, migrationsFolder: string) {
  const sqlite = new Database(file, { fileMustExist: true })
  try {
    const verdict = checkDatabaseFile(sqlite)
    if (verdict.verdict === 'damaged') throw new RestoreRefused(`${from} is damaged: ${verdict.problem}.`)
    if (verdict.verdict === 'foreign') throw new RestoreRefused(`${from} is ${verdict.problem}.`)
    const problem = foreignKeyProblem(sqlite, keyId) ?? newerSchemaProblem(sqlite, migrationsFolder)
    if (problem) throw new RestoreRefused(`${from} cannot be restored here: ${problem}.`)
  } finally {
    sqlite.close()
  }
}

/** Brings the copy to this version's schema and records the restore in its own audit trail. */
function recordRestore(file: string, migrationsFolder: string, actor: Actor, now: number, after: object) {
  const opened = openDatabase({ file, migrationsFolder })
  try {
    const commit = createCommit(opened.db, { now: () => now }, new EventBus())
    commit(actor, () => ({
      value: null,
      audit: { action: 'system.restored', entityType: 'database', entityId: null, after },
    }))
  } finally {
    opened.close()
  }
}

export interface RestoreOptions {
  dataDir: string
  from: string
  migrationsFolder: string
  now: number
  actor: Actor
}

/**
 * Puts a backup in place of a data folder's database. Works on a copy inside the data folder, so
 * the live file is touched only at the end: checked (integrity, Gatehouse's, this installation's,
 * not from a newer version), refused while a console has the database open, migrated and given an
 * audit entry saying what happened; then the current database is moved aside and the copy renamed in.
 */
export function restoreBackup({ dataDir, from, migrationsFolder, now, actor }: RestoreOptions) {
  fs.mkdirSync(dataDir, { recursive: true })
  const target = databaseFileIn(dataDir)
  const incoming = `${target}.restoring`
  removeWithCompanions(incoming)
  fs.copyFileSync(from, incoming)
  try {
    vet(incoming, from, existingKeyId(dataDir), migrationsFolder)
    const aside = fs.existsSync(target) ? asideName(target, now) : null
    recordRestore(incoming, migrationsFolder, actor, now, {
      from: path.basename(from),
      replaced: aside ? path.basename(aside) : null,
    })
    // Asked last, just before the files move, so a console started meanwhile is still noticed.
    if (isDatabaseInUse(target))
      throw new RestoreRefused(`Gatehouse is running on ${dataDir} (its database is open). Stop it, then restore.`)
    if (aside) moveWithCompanions(target, aside)
    fs.renameSync(incoming, target)
    return { database: target, aside }
  } finally {
    removeWithCompanions(incoming)
  }
}
