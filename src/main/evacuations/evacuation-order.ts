import { and, eq, inArray } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import { acceptsEntries, mayHoldPeople, mayHoldPeopleStates } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import { notFound, preconditionFailed } from '../core/domain-error'
import type { Db } from '../db/database'
import { evacuationRollCall, evacuations, permits, sites, spaces } from '../db/schema'
import { insideByPermit } from '../entries/presence'
import { addTimeline, requirePermit } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import { findSite } from '../sites/site-repository'
import { completeRollCall } from './roll-call'

export type EvacuationScope = { permitId: number } | { siteId: number } | { everywhere: true }

/** What the order reached, in words a dialog and a timeline can use. */
export function scopeOf(db: Db, order: { permitId: number | null; siteId: number | null }) {
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

function targetsOf(tx: Db, scope: EvacuationScope): PermitRow[] {
  if ('permitId' in scope) {
    const permit = requirePermit(tx, scope.permitId)
    if (!mayHoldPeople(permit.state)) {
      throw preconditionFailed(
        `${permit.number} is ${permit.state.replace('_', ' ')}: nobody can be inside to evacuate.`,
      )
    }
    return [permit]
  }
  if ('siteId' in scope && !findSite(tx, scope.siteId)) throw notFound(`There is no site with id ${scope.siteId}.`)
  return tx
    .select()
    .from(permits)
    .where(
      and(
        inArray(permits.state, [...mayHoldPeopleStates]),
        'siteId' in scope ? eq(permits.siteId, scope.siteId) : undefined,
      ),
    )
    .all()
}

/**
 * Orders everyone out, inside the caller's transaction: each admitting permit is suspended
 * (1910.146(e)(5)), everyone inside is put on a roll call, and the order is on every permit's
 * timeline. Used by a person's order and by the alarm engine alike.
 */
export function orderEvacuation(
  tx: Db,
  permitService: PermitService,
  order: { scope: EvacuationScope; reason: string; actor: Actor; orderedById: number | null; now: number },
) {
  const { scope, reason, actor, now } = order
  const targets = targetsOf(tx, scope)
  const inside = insideByPermit(
    tx,
    targets.map((p) => p.id),
  )
  const evacuation = tx
    .insert(evacuations)
    .values({
      permitId: 'permitId' in scope ? scope.permitId : null,
      siteId: 'siteId' in scope ? scope.siteId : null,
      reason,
      orderedById: order.orderedById,
      orderedBy: actor.name,
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
        .values({ evacuationId: evacuation.id, permitId: permit.id, personKey: person.key, personName: person.name })
        .run()
    }
    peopleCalled += people.length
    // The order is on every permit's timeline in its own words, whatever it did to the state.
    addTimeline(tx, {
      permitId: permit.id,
      actor,
      at: now,
      kind: 'evacuation_ordered',
      note: `Evacuation of ${scopeLabel}: ${reason}`,
    })
    const after = acceptsEntries(permit.state)
      ? permitService.applyAction(tx, permit, 'suspend', actor, now, { reason: `Evacuation: ${reason}` })
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
  return { evacuation, scopeLabel, targets, peopleCalled, events }
}
