import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { isNull } from 'drizzle-orm'
import type { Actor } from '../audit/audit-repository'
import { existingKeyId } from '../audit/signing-key'
import { EventBus } from '../core/event-bus'
import { createCommit } from '../core/unit-of-work'
import { fileStamp } from './backup'
import { foreignKeyProblem, newerSchemaProblem } from './backup-origin'
import { databaseFileIn, openDatabase } from './database'
import { checkDatabaseFile } from './database-file-check'
import { isDatabaseInUse } from './database-in-use'
import { sessions, users } from './schema'

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

/** A session the restore ends: those live in the running console, so each is told why at its next call. */
export interface EndedSession {
  tokenHash: string
  userId: number
  createdAt: number
}

/** Why a session ended, as the sign-in screen explains it: the database went back to a backup. */
export const restoredEndReason = 'restored'

/**
 * Brings the copy to this version's schema, ends every session it holds (and records as ended
 * those live now, for users it knows), and records the restore in its own audit trail, so the
 * entry survives the restore.
 */
function recordRestore(
  file: string,
  migrationsFolder: string,
  actor: Actor,
  now: number,
  after: object,
  liveNow: readonly EndedSession[] = [],
) {
  const opened = openDatabase({ file, migrationsFolder })
  try {
    const commit = createCommit(opened.db, { now: () => now }, new EventBus())
    commit(actor, (tx) => {
      tx.update(sessions).set({ endedAt: now, endReason: restoredEndReason }).where(isNull(sessions.endedAt)).run()
      const known = new Set(
        tx
          .select({ id: users.id })
          .from(users)
          .all()
          .map((user) => user.id),
      )
      for (const session of liveNow.filter((live) => known.has(live.userId)))
        tx.insert(sessions)
          .values({ ...session, lastSeenAt: now, endedAt: now, endReason: restoredEndReason })
          .onConflictDoUpdate({ target: sessions.tokenHash, set: { endedAt: now, endReason: restoredEndReason } })
          .run()
      return { value: null, audit: { action: 'system.restored', entityType: 'database', entityId: null, after } }
    })
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

/** A backup copied into the data folder and found sound, waiting to be recorded and put in place. */
export interface PreparedRestore {
  dataDir: string
  from: string
  target: string
  incoming: string
  migrationsFolder: string
}

/**
 * Copies the backup into the data folder and checks the copy (integrity, Gatehouse's, this
 * installation's, not from a newer version); refuses with RestoreRefused, leaving nothing behind.
 * The live database is not touched.
 */
export function prepareRestore({
  dataDir,
  from,
  migrationsFolder,
}: Omit<RestoreOptions, 'now' | 'actor'>): PreparedRestore {
  fs.mkdirSync(dataDir, { recursive: true })
  const target = databaseFileIn(dataDir)
  const incoming = `${target}.restoring`
  removeWithCompanions(incoming)
  fs.copyFileSync(from, incoming)
  try {
    vet(incoming, from, existingKeyId(dataDir), migrationsFolder)
  } catch (error) {
    removeWithCompanions(incoming)
    throw error
  }
  return { dataDir, from, target, incoming, migrationsFolder }
}

/** Gives up a prepared restore: its copy goes, the live database stays as it is. */
export const discardRestore = (prepared: PreparedRestore): void => removeWithCompanions(prepared.incoming)

/**
 * Records the restore in the copy, then, with no console on the database any more, moves the
 * current database aside and renames the copy in. `after` says more about it in the audit entry.
 */
export function completeRestore(
  prepared: PreparedRestore,
  {
    now,
    actor,
    after = {},
    liveNow = [],
  }: { now: number; actor: Actor; after?: object; liveNow?: readonly EndedSession[] },
) {
  const { dataDir, from, target, incoming, migrationsFolder } = prepared
  try {
    const aside = fs.existsSync(target) ? asideName(target, now) : null
    recordRestore(
      incoming,
      migrationsFolder,
      actor,
      now,
      { from: path.basename(from), replaced: aside ? path.basename(aside) : null, ...after },
      liveNow,
    )
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

/**
 * Puts a backup in place of a data folder's database. Works on a copy inside the data folder, so
 * the live file is touched only at the end: checked (integrity, Gatehouse's, this installation's,
 * not from a newer version), refused while a console has the database open, migrated and given an
 * audit entry saying what happened; then the current database is moved aside and the copy renamed in.
 */
export function restoreBackup({ dataDir, from, migrationsFolder, now, actor }: RestoreOptions) {
  return completeRestore(prepareRestore({ dataDir, from, migrationsFolder }), { now, actor })
}
