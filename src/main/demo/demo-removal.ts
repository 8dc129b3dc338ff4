import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import { retireAccess } from '../access/catalogue-service'
import { findSpaceResource } from '../access/resource-repository'
import type { Actor } from '../audit/audit-repository'
import type { Db } from '../db/database'
import { alarms, attendantAssignments, entryEvents, permits, sites, spaces, users } from '../db/schema'
import { insideByPermit } from '../entries/presence'
import { endSessionsOfUser } from '../identity/session-repository'
import { addTimeline } from '../permits/permit-repository'
import { demoPeople } from './demo-site'

const finished: PermitState[] = ['closed', 'cancelled']
const why = 'The demo site was removed by an administrator.'

/**
 * Retires the demo site rather than deleting it: the audit trail is append-only and names these
 * permits, spaces and people, and their foreign keys hold. Permits are cancelled (so no board shows
 * them), people still recorded inside are signed out, open alarms resolved, spaces and their access
 * resources retired, demo accounts deactivated and the site renamed. Its code and tags stay taken.
 */
export function retireDemoSite(tx: Db, actor: Actor, userId: number, siteId: number, now: number) {
  const events: EventMessage[] = []
  const open = tx
    .select()
    .from(permits)
    .where(and(eq(permits.siteId, siteId), notInArray(permits.state, finished)))
    .all()
  const ids = open.map((p) => p.id)
  for (const [permitId, people] of insideByPermit(tx, ids)) {
    const spaceId = open.find((p) => p.id === permitId)?.spaceId ?? 0
    for (const person of people)
      tx.insert(entryEvents)
        .values({
          permitId,
          spaceId,
          kind: 'exit',
          personKey: person.key,
          personName: person.name,
          at: now,
          notes: why,
          recordedById: userId,
        })
        .run()
  }
  if (ids.length > 0) {
    tx.update(attendantAssignments)
      .set({ status: 'relieved', updatedAt: now })
      .where(inArray(attendantAssignments.permitId, ids))
      .run()
    tx.update(alarms)
      .set({ clearedAt: now, resolvedAt: now, resolvedById: userId, resolution: 'test', resolutionNote: why })
      .where(and(inArray(alarms.permitId, ids), isNull(alarms.resolvedAt)))
      .run()
    tx.update(permits).set({ state: 'cancelled', updatedAt: now }).where(inArray(permits.id, ids)).run()
  }
  for (const permit of open) {
    addTimeline(tx, {
      permitId: permit.id,
      actor,
      at: now,
      kind: 'demo_removed',
      fromState: permit.state,
      toState: 'cancelled',
      note: why,
    })
    events.push({ name: 'permits.changed', payload: { permitId: permit.id, state: 'cancelled', at: now } })
  }
  const live = tx
    .select({ id: spaces.id, tag: spaces.tag })
    .from(spaces)
    .where(and(eq(spaces.siteId, siteId), isNull(spaces.retiredAt)))
    .all()
  for (const space of live) {
    tx.update(spaces).set({ retiredAt: now, updatedAt: now }).where(eq(spaces.id, space.id)).run()
    events.push({ name: 'spaces.changed', payload: { spaceId: space.id, at: now } })
    const resource = findSpaceResource(tx, space.id)
    if (resource) events.push(...retireAccess(tx, resource.row.id, `${space.tag}: ${why}`, now))
  }
  const people = tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(
          users.username,
          demoPeople.map((p) => p.username),
        ),
        eq(users.active, true),
      ),
    )
    .all()
  for (const person of people) {
    tx.update(users).set({ active: false, updatedAt: now }).where(eq(users.id, person.id)).run()
    endSessionsOfUser(tx, person.id, 'deactivated', now)
    events.push({ name: 'users.changed', payload: { userId: person.id, change: 'active', at: now } })
  }
  tx.update(sites).set({ name: 'Demo site (removed)', updatedAt: now }).where(eq(sites.id, siteId)).run()
  events.push({ name: 'sites.changed', payload: { siteId, at: now } })
  return {
    value: { siteId, permitsCancelled: ids.length, spacesRetired: live.length, peopleDeactivated: people.length },
    events,
  }
}

/** A removed demo site has no space left in use. */
export function demoSiteRemoved(db: Db, siteId: number): boolean {
  return !db
    .select({ id: spaces.id })
    .from(spaces)
    .where(and(eq(spaces.siteId, siteId), isNull(spaces.retiredAt)))
    .get()
}
