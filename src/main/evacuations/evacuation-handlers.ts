import { eq, inArray } from 'drizzle-orm'
import type { EvacuationDto } from '../../shared/contract/evacuations'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { evacuations, permits, spaces, users } from '../db/schema'
import { actorOf } from '../identity/principal'
import type { PermitService } from '../permits/permit-service'
import { openEvacuations, rollCallOf } from './evacuation-repository'
import { orderEvacuation, scopeOf } from './evacuation-order'

function toEvacuationDto(db: Db, id: number): EvacuationDto {
  const evacuation = db.select().from(evacuations).where(eq(evacuations.id, id)).get()
  if (!evacuation) throw new Error(`evacuation ${id} vanished`)
  const orderedBy =
    evacuation.orderedById === null
      ? { name: evacuation.orderedBy }
      : db.select({ name: users.displayName }).from(users).where(eq(users.id, evacuation.orderedById)).get()
  const calls = rollCallOf(db, id)
  const permitRows = calls.length
    ? db
        .select({ id: permits.id, number: permits.number, tag: spaces.tag })
        .from(permits)
        .innerJoin(spaces, eq(spaces.id, permits.spaceId))
        .where(inArray(permits.id, [...new Set(calls.map((c) => c.permitId))]))
        .all()
    : []
  const byId = new Map(permitRows.map((p) => [p.id, p]))
  return {
    id: evacuation.id,
    ...scopeOf(db, evacuation),
    permitId: evacuation.permitId,
    siteId: evacuation.siteId,
    reason: evacuation.reason,
    orderedBy: orderedBy?.name ?? '',
    orderedAt: evacuation.orderedAt,
    clearedAt: evacuation.clearedAt,
    rollCall: calls.map((c) => ({
      permitId: c.permitId,
      permitNumber: byId.get(c.permitId)?.number ?? '',
      spaceTag: byId.get(c.permitId)?.tag ?? '',
      personKey: c.personKey,
      personName: c.personName,
      exitedAt: c.exitedAt,
    })),
  }
}

export function createEvacuationHandlers(
  db: Db,
  commit: Commit,
  permitService: PermitService,
): HandlersFor<'evacuations'> {
  return {
    'evacuations.active': () => openEvacuations(db).map((e) => toEvacuationDto(db, e.id)),

    'evacuations.order': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const scope =
          input.permitId !== undefined
            ? { permitId: input.permitId }
            : input.siteId !== undefined
              ? { siteId: input.siteId }
              : { everywhere: true as const }
        const order = orderEvacuation(tx, permitService, {
          scope,
          reason: input.reason,
          actor: actorOf(ctx.principal),
          orderedById: ctx.principal.userId,
          now,
        })
        return {
          value: toEvacuationDto(tx, order.evacuation.id),
          audit: {
            action: 'evacuation.ordered',
            entityType: 'evacuation',
            entityId: order.evacuation.id,
            after: {
              scope: order.scopeLabel,
              reason: input.reason,
              permits: order.targets.map((p) => p.number),
              peopleCalled: order.peopleCalled,
            },
          },
          events: order.events,
        }
      }),
  }
}
