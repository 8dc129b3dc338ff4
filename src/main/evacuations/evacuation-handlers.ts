import { eq, inArray } from 'drizzle-orm'
import type { EvacuationDto } from '../../shared/contract/evacuations'
import type { EventMessage } from '../../shared/contract/events'
import { preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { evacuationRollCall, evacuations, permits, spaces, users } from '../db/schema'
import { insideByPermit } from '../entries/presence'
import { actorOf } from '../identity/principal'
import { addTimeline, requirePermit } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import { openEvacuations, rollCallOf } from './evacuation-repository'

/** Permits an evacuation of "every space" reaches: any that admits or may hold people. */
const evacuableStates = ['authorized', 'active', 'suspended', 'expired'] as const

function toEvacuationDto(db: Db, id: number): EvacuationDto {
  const evacuation = db.select().from(evacuations).where(eq(evacuations.id, id)).get()
  if (!evacuation) throw new Error(`evacuation ${id} vanished`)
  const orderedBy = db.select({ name: users.displayName }).from(users).where(eq(users.id, evacuation.orderedById)).get()
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
    permitId: evacuation.permitId,
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
        const actor = actorOf(ctx.principal)
        let targets: PermitRow[]
        if (input.permitId !== undefined) {
          const permit = requirePermit(tx, input.permitId)
          if (!(evacuableStates as readonly string[]).includes(permit.state)) {
            throw preconditionFailed(
              `${permit.number} is ${permit.state.replace('_', ' ')}: nobody can be inside to evacuate.`,
            )
          }
          targets = [permit]
        } else {
          targets = tx
            .select()
            .from(permits)
            .where(inArray(permits.state, [...evacuableStates]))
            .all()
        }
        const inside = insideByPermit(
          tx,
          targets.map((p) => p.id),
        )
        const evacuation = tx
          .insert(evacuations)
          .values({
            permitId: input.permitId ?? null,
            reason: input.reason,
            orderedById: ctx.principal.userId,
            orderedAt: now,
          })
          .returning()
          .get()
        const events: EventMessage[] = []
        let peopleCalled = 0
        for (const permit of targets) {
          const people = inside.get(permit.id) ?? []
          for (const person of people) {
            tx.insert(evacuationRollCall)
              .values({
                evacuationId: evacuation.id,
                permitId: permit.id,
                personKey: person.key,
                personName: person.name,
              })
              .run()
          }
          peopleCalled += people.length
          // Evacuation stops new entries: an admitting permit is suspended (1910.146(e)(5)).
          const after =
            permit.state === 'authorized' || permit.state === 'active'
              ? permitService.applyAction(tx, permit, 'suspend', actor, now, { reason: `Evacuation: ${input.reason}` })
              : permit
          if (after === permit) {
            addTimeline(tx, { permitId: permit.id, actor, at: now, kind: 'evacuation_ordered', note: input.reason })
          }
          events.push({ name: 'permits.changed', payload: { permitId: permit.id, state: after.state, at: now } })
        }
        if (peopleCalled === 0)
          tx.update(evacuations).set({ clearedAt: now }).where(eq(evacuations.id, evacuation.id)).run()
        events.push({
          name: 'evacuations.changed',
          payload: { evacuationId: evacuation.id, cleared: peopleCalled === 0, at: now },
        })
        return {
          value: toEvacuationDto(tx, evacuation.id),
          audit: {
            action: 'evacuation.ordered',
            entityType: 'evacuation',
            entityId: evacuation.id,
            after: {
              scope: input.permitId ?? 'all',
              reason: input.reason,
              permits: targets.map((p) => p.number),
              peopleCalled,
            },
          },
          events,
        }
      }),
  }
}
