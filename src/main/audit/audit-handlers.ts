import type { Clock } from '../core/clock'
import type { EventBus } from '../core/event-bus'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { OpenedDatabase } from '../db/database'
import { actorOf } from '../identity/principal'
import { exportAudit } from './audit-export'
import { listAudit } from './audit-queries'
import { verifyAuditTrail } from './audit-verifier'
import { auditEntryDtos } from './audit-views'
import { findRecords } from './entity-labels'
import { recordedKeyIds, storedCheckpoints, takeCheckpoint } from './checkpoint-service'
import type { SigningKey } from './signing-key'

export function createAuditHandlers(deps: {
  database: OpenedDatabase
  commit: Commit
  clock: Clock
  bus: EventBus
  signingKey: SigningKey
  dataDir: string
}): HandlersFor<'audit'> {
  const { database, commit, signingKey } = deps
  const { sqlite, db } = database
  const exportDeps = { ...deps, sqlite, db }
  return {
    'audit.list': (input) => {
      const rows = listAudit(sqlite, input.filter, input.limit, input.beforeSeq)
      const last = rows.at(-1)
      return {
        items: auditEntryDtos(sqlite, rows),
        nextBeforeSeq: rows.length === input.limit && last ? last.seq : null,
      }
    },
    'audit.findRecord': (input) => ({ records: findRecords(sqlite, input.entityType, input.name) }),
    'audit.verify': (input) =>
      verifyAuditTrail(sqlite, {
        file: { path: database.file, nativeBinding: database.nativeBinding },
        checkpoints: [...storedCheckpoints(db), ...(input.checkpoint ? [input.checkpoint] : [])],
        trustedKeyIds: new Set([signingKey.keyId, ...recordedKeyIds(db)]),
      }),
    'audit.export': (input, ctx) => exportAudit(exportDeps, ctx.principal, input),
    'audit.checkpoint': (_input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const checkpoint = takeCheckpoint(tx, signingKey, 'request', null, now)
        return {
          value: checkpoint,
          audit: {
            action: 'audit.checkpoint_taken',
            entityType: 'audit',
            entityId: String(checkpoint.seq),
            after: { seq: checkpoint.seq, hash: checkpoint.hash, keyId: checkpoint.keyId, reason: 'request' },
          },
        }
      }),
  }
}
