import { and, eq, inArray } from 'drizzle-orm'
import type { EvacuationDto } from '../../shared/contract/evacuations'
import type { EventMessage } from '../../shared/contract/events'
import { notFound, preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { evacuationRollCall, evacuations, permits, sites, spaces, users } from '../db/schema'
import { insideByPermit } from '../entries/presence'
import { actorOf } from '../identity/principal'
import { addTimeline, requirePermit } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import { findSite } from '../sites/site-repository'
import { openEvacuations, rollCallOf } from './evacuation-repository'
import { completeRollCall } from './roll-call'

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

/** What the order reached, in words a dialog and a timeline can use. */
function scopeOf(db: Db, order: { permitId: number | null; siteId: number | null }) {
  if (order.permitId !== null) {
    const permit = db
      .select({ number: permits.number, tag: spaces.tag })
      .from(permits)
      .innerJoin(spaces, eq(spaces.id, permits.spaceId))
      .where(eq(permits.id, order.permitId))
      .get()
    return { scope: 'permit' as const, scopeLabel: `${permit?.number ?? ''} (${permit?.tag ?? ''})` }
  }
  if (order.siteId !== null) {
    const site = db.select({ name: sites.name }).from(sites).where(eq(sites.id, order.siteId)).get()
    return { scope: 'site' as const, scopeLabel: `every space of ${site?.name ?? ''}` }
  }
  return { scope: 'all' as const, scopeLabel: 'every space of every site' }
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
          if (input.siteId !== undefined && !findSite(tx, input.siteId))
            throw notFound(`There is no site with id ${input.siteId}.`)
          targets = tx
            .select()
            .from(permits)
            .where(
              and(
                inArray(permits.state, [...evacuableStates]),
                input.siteId === undefined ? undefined : eq(permits.siteId, input.siteId),
              ),
            )
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
            siteId: input.siteId ?? null,
            reason: input.reason,
            orderedById: ctx.principal.userId,
            orderedAt: now,
          })
          .returning()
          .get()
        const { scopeLabel } = scopeOf(tx, evacuation)
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
          // The order is on every permit's timeline in its own words, whatever it did to the state.
          addTimeline(tx, {
            permitId: permit.id,
            actor,
            at: now,
            kind: 'evacuation_ordered',
            note: `Evacuation of ${scopeLabel}: ${input.reason}`,
          })
          // Evacuation stops new entries: an admitting permit is suspended (1910.146(e)(5)).
          const after =
            permit.state === 'authorized' || permit.state === 'active'
              ? permitService.applyAction(tx, permit, 'suspend', actor, now, { reason: `Evacuation: ${input.reason}` })
              : permit
          events.push({ name: 'permits.changed', payload: { permitId: permit.id, state: after.state, at: now } })
        }
        if (peopleCalled === 0)
          completeRollCall(
            tx,
            evacuation.id,
            targets.map((p) => p.id),
            actor,
            now,
          )
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
              scope: scopeLabel,
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
