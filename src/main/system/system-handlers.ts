import fs from 'node:fs'
import path from 'node:path'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import { backupsDirIn } from '../db/backup'
import type { OpenedDatabase } from '../db/database'
import { actorOf } from '../identity/principal'
import { lastScheduledAt, pageOfBackups, readSchedule, toBackupDto } from './backup-repository'
import { nextDueAt } from './backup-rules'
import { changeBackupSchedule } from './backup-schedule-service'
import type { BackupService } from './backup-service'
import { lastCheck, lastFullCheck, pageOfChecks, readCheckSchedule, toCheckDto } from './integrity-check-repository'
import { nextCheckDueAt } from './integrity-check-rules'
import type { IntegrityCheckService } from './integrity-check-service'

export interface SystemFacts {
  version: string
  dataDir: string
}

export function createSystemHandlers(deps: {
  database: OpenedDatabase
  commit: Commit
  backups: BackupService
  integrityChecks: IntegrityCheckService
  facts: SystemFacts
}): HandlersFor<'system'> {
  const { database, commit, backups, integrityChecks, facts } = deps
  const { db } = database
  const backupsDir = backupsDirIn(facts.dataDir)
  return {
    'system.info': () => ({
      version: facts.version,
      dataDir: facts.dataDir,
      databaseFile: database.file,
      migrationsApplied: (
        database.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
      ).n,
    }),
    'system.backup': (_input, ctx) => backups.takeManual(actorOf(ctx.principal)),
    'system.backups': ({ limit, offset }) => {
      const schedule = readSchedule(db)
      const page = pageOfBackups(db, limit, offset)
      return {
        items: page.items.map((row) => toBackupDto(row, fs.existsSync(path.join(backupsDir, row.file)))),
        total: page.total,
        schedule,
        backupsDir,
        nextDueAt: nextDueAt(lastScheduledAt(db), schedule),
        lastFailure: backups.lastFailure(),
      }
    },
    'system.setBackupSchedule': (input, ctx) => changeBackupSchedule(commit, actorOf(ctx.principal), input),
    'system.integrityChecks': ({ limit, offset }) => {
      const schedule = readCheckSchedule(db)
      const page = pageOfChecks(db, limit, offset)
      const lastFull = lastFullCheck(db)
      const lastStartup = lastCheck(db, ['startup'])
      return {
        items: page.items.map(toCheckDto),
        total: page.total,
        schedule,
        lastFull: lastFull ? toCheckDto(lastFull) : null,
        lastStartup: lastStartup ? toCheckDto(lastStartup) : null,
        running: integrityChecks.running(),
        nextDueAt: nextCheckDueAt(lastFull?.at ?? null, schedule),
      }
    },
    'system.checkIntegrity': (_input, ctx) => integrityChecks.runManual(actorOf(ctx.principal)),
    'system.setIntegrityCheckSchedule': (input, ctx) => integrityChecks.setSchedule(actorOf(ctx.principal), input),
  }
}
