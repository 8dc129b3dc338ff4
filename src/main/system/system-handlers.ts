import path from 'node:path'
import type { Clock } from '../core/clock'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import { backupDatabase } from '../db/backup'
import type { OpenedDatabase } from '../db/database'
import { actorOf } from '../identity/principal'
import { takeCheckpoint } from '../audit/checkpoint-service'
import type { SigningKey } from '../audit/signing-key'

export interface SystemFacts {
  version: string
  dataDir: string
}

export function createSystemHandlers(deps: {
  database: OpenedDatabase
  commit: Commit
  clock: Clock
  signingKey: SigningKey
  facts: SystemFacts
}): HandlersFor<'system'> {
  const { database, commit, clock, signingKey, facts } = deps
  return {
    'system.info': () => ({
      version: facts.version,
      dataDir: facts.dataDir,
      databaseFile: database.file,
      migrationsApplied: (
        database.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
      ).n,
    }),
    'system.backup': async (_input, ctx) => {
      const at = clock.now()
      const backup = await backupDatabase(database.sqlite, path.join(facts.dataDir, 'backups'), at)
      // The backup carries the chain up to here; the checkpoint lets anyone show later that it still does.
      commit(actorOf(ctx.principal), (tx, now) => {
        const checkpoint = takeCheckpoint(tx, signingKey, 'backup', path.basename(backup.file), now)
        return {
          value: null,
          audit: {
            action: 'system.backup_taken',
            entityType: 'database',
            entityId: null,
            after: { ...backup, checkpoint: { seq: checkpoint.seq, hash: checkpoint.hash, keyId: checkpoint.keyId } },
          },
        }
      })
      return { ...backup, at }
    },
  }
}
