import fs from 'node:fs'
import path from 'node:path'
import type { BackupDto } from '../../shared/contract/system'
import { takeCheckpoint } from '../audit/checkpoint-service'
import type { Actor } from '../audit/audit-repository'
import type { SigningKey } from '../audit/signing-key'
import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import { backupDatabase, backupsDirIn } from '../db/backup'
import { integrityText } from '../db/database-file-check'
import { startFullCheck } from '../db/full-check'
import type { OpenedDatabase } from '../db/database'
import {
  insertBackup,
  keptScheduled,
  lastScheduledAt,
  markRemoved,
  readSchedule,
  toBackupDto,
} from './backup-repository'
import { beyondKept, isDue } from './backup-rules'

/** Scheduled backups are audited under this name. */
export const scheduleActor: Actor = { id: null, name: 'Gatehouse (backup schedule)' }

export interface BackupFailure {
  at: number
  message: string
}

export interface BackupService {
  /** A backup an administrator asked for. */
  takeManual(actor: Actor): Promise<BackupDto>
  /** Takes a scheduled backup when the last one is older than the interval; null when none was due. */
  runDue(): Promise<BackupDto | null>
  /** The last scheduled run that failed, until one succeeds. */
  lastFailure(): BackupFailure | null
}

export function createBackupService(deps: {
  database: OpenedDatabase
  commit: Commit
  clock: Clock
  signingKey: SigningKey
  dataDir: string
}): BackupService {
  const { database, commit, clock, signingKey } = deps
  const dir = backupsDirIn(deps.dataDir)
  let lastFailure: BackupFailure | null = null
  // One backup at a time: the schedule and "Back up now" must not pick the same file name or prune
  // while another is being written.
  let tail: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work)
    tail = run.catch(() => undefined)
    return run
  }

  /** SQLite's full check of the written file, in a worker thread: it reads every page of a big file. */
  async function check(file: string): Promise<string> {
    const running = startFullCheck({
      file: path.join(dir, file),
      ...(database.nativeBinding ? { nativeBinding: database.nativeBinding } : {}),
    })
    try {
      return integrityText((await running.done).verdict)
    } catch (error) {
      return `the check could not run: ${error instanceof Error ? error.message : String(error)}`
    }
  }

  async function write(trigger: BackupDto['trigger'], actor: Actor): Promise<BackupDto> {
    const at = clock.now()
    const written = await backupDatabase(database, dir, at, trigger)
    let recorded
    try {
      const integrity = await check(written.file)
      recorded = commit(actor, (tx, now) => {
        // The backup carries the chain up to here; the checkpoint lets anyone show later that it still does.
        const checkpoint = takeCheckpoint(tx, signingKey, 'backup', written.file, now)
        const row = insertBackup(tx, { ...written, at, trigger, integrity, checkpointSeq: checkpoint.seq })
        const removed = trigger === 'scheduled' ? beyondKept(keptScheduled(tx), readSchedule(tx).keepScheduled) : []
        markRemoved(
          tx,
          removed.map((old) => old.id),
          now,
        )
        return {
          value: { row, removed: removed.map((old) => old.file) },
          audit: {
            action: 'system.backup_taken',
            entityType: 'backup',
            entityId: row.id,
            after: {
              file: row.file,
              bytes: row.bytes,
              trigger,
              integrity,
              checkpoint: { seq: checkpoint.seq, hash: checkpoint.hash, keyId: checkpoint.keyId },
              removed: removed.map((old) => old.file),
            },
          },
          events: [{ name: 'system.backupsChanged', payload: { at: now } }],
        }
      })
    } catch (error) {
      // Unrecorded, the file would be a backup nobody can see or trust.
      fs.rmSync(path.join(dir, written.file), { force: true })
      throw error
    }
    // Files go once their removal is recorded; one that cannot be deleted is listed as still on disk.
    for (const file of recorded.removed) {
      try {
        fs.rmSync(path.join(dir, file), { force: true })
      } catch {
        // Left for the administrator: the list shows it removed yet on disk.
      }
    }
    return toBackupDto(recorded.row, true)
  }

  return {
    takeManual: (actor) => oneAtATime(() => write('manual', actor)),
    runDue: () =>
      oneAtATime(async () => {
        if (!isDue(lastScheduledAt(database.db), readSchedule(database.db), clock.now())) return null
        try {
          const backup = await write('scheduled', scheduleActor)
          lastFailure = null
          return backup
        } catch (error) {
          lastFailure = { at: clock.now(), message: error instanceof Error ? error.message : String(error) }
          throw error
        }
      }),
    lastFailure: () => lastFailure,
  }
}
