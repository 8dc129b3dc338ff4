import fs from 'node:fs'
import path from 'node:path'
import { eq, isNull } from 'drizzle-orm'
import type { HandlersFor } from '../core/handler-types'
import { DomainError, notFound, preconditionFailed } from '../core/domain-error'
import { backupsDirIn } from '../db/backup'
import type { OpenedDatabase } from '../db/database'
import { RestoreRefused, discardRestore, prepareRestore } from '../db/restore'
import type { EndedSession, PreparedRestore } from '../db/restore'
import { backups as backupsTable, sessions } from '../db/schema'
import { actorOf } from '../identity/principal'
import type { SignatureVerifier } from '../identity/signature'
import { migrationsFolder } from '../resources-dir'
import type { Actor } from '../audit/audit-repository'
import type { BackupService } from './backup-service'

/** What the backend asks of whatever runs it: to put a prepared restore in place once the reply is written. */
export interface RestoreHost {
  restoreAfterReply(restore: AcceptedRestore): void
}

/** A restore checked, signed and backed up before, for the host to complete. */
export interface AcceptedRestore {
  prepared: PreparedRestore
  actor: Actor
  preRestoreBackup: string
  liveNow: EndedSession[]
}

/**
 * database.restore: checks the signature and the backup file first (a damaged, foreign or newer
 * file is refused while the console runs on, nothing changed), then backs up the current
 * database, and leaves the swap to the host: it must close this backend before the files move.
 */
export function createRestoreHandlers(deps: {
  database: OpenedDatabase
  backups: BackupService
  signatures: SignatureVerifier
  dataDir: string
  host: RestoreHost | null
}): HandlersFor<'database'> {
  const { database, backups, signatures, dataDir, host } = deps
  return {
    'database.restore': async ({ backupId, password }, ctx) => {
      if (!host)
        throw preconditionFailed(
          'This Gatehouse runs without a host that can restart it: restore with npm run db:restore.',
        )
      const row = database.db.select().from(backupsTable).where(eq(backupsTable.id, backupId)).get()
      if (!row) throw notFound(`There is no backup #${String(backupId)}.`)
      const from = path.join(backupsDirIn(dataDir), row.file)
      if (!fs.existsSync(from))
        throw preconditionFailed(`The file of backup ${row.file} is no longer in the backups folder.`)
      await signatures.verify(ctx.principal, password, `restore ${row.file}`)
      let prepared: PreparedRestore
      try {
        prepared = prepareRestore({ dataDir, from, migrationsFolder })
      } catch (error) {
        if (error instanceof RestoreRefused) throw preconditionFailed(`Not restored: ${error.message}`)
        throw error
      }
      try {
        const actor = actorOf(ctx.principal)
        const before = await backups.takeManual(actor)
        if (before.integrity !== 'ok')
          throw new DomainError(
            'INTERNAL',
            `Not restored: the backup of the current database failed its check (${before.integrity}).`,
          )
        const liveNow = database.db
          .select({ tokenHash: sessions.tokenHash, userId: sessions.userId, createdAt: sessions.createdAt })
          .from(sessions)
          .where(isNull(sessions.endedAt))
          .all()
        host.restoreAfterReply({ prepared, actor, preRestoreBackup: before.file, liveNow })
        return { restoredFrom: row.file, preRestoreBackup: before.file }
      } catch (error) {
        discardRestore(prepared)
        throw error
      }
    },
  }
}
