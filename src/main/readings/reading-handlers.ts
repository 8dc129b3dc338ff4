import type { Clock } from '../core/clock'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { actorOf } from '../identity/principal'
import { requirePermit } from '../permits/permit-repository'
import type { IngestService } from './ingest-service'
import { liveValuesOf } from './live-values'

export function createReadingHandlers(db: Db, clock: Clock, ingest: IngestService): HandlersFor<'readings'> {
  return {
    'readings.ingest': (input, ctx) => {
      const caller = ctx.device
        ? {
            actor: { id: null, name: `device:${ctx.device.name}` },
            source: 'field_api' as const,
            siteId: ctx.device.siteId,
            testerName: ctx.device.name,
            key: `device:${String(ctx.device.deviceId)}`,
          }
        : ctx.principal
          ? {
              actor: actorOf(ctx.principal),
              source: 'manual' as const,
              siteId: null,
              testerName: ctx.principal.displayName,
              key: `user:${String(ctx.principal.userId)}`,
            }
          : null
      // dispatch() lets nobody else through; this only satisfies the types.
      if (!caller) throw new Error('readings.ingest without a caller')
      return ingest.ingest(input.readings, caller, input.idempotencyKey)
    },
    'readings.live': (input) => {
      const permit = requirePermit(db, input.permitId)
      return liveValuesOf(db, [permit], clock.now()).get(permit.id) ?? []
    },
  }
}
