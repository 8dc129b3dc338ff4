import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import type { Clock } from '../core/clock'
import { conflict, forbidden, notFound } from '../core/domain-error'
import type { CommandOutcome, Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { accessGrants, permits } from '../db/schema'
import { actorOf, systemActor } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { notify } from '../notifications/notification-repository'
import { dayMs, hourMs } from './access-rules'
import { endGrant, findGrant, grantDtos, grantsDueToExpire, openGrantsOfPermit } from './grant-repository'
import type { GrantEndReason, GrantRow } from './grant-repository'
import { findResource, keepsResource, requireResource } from './resource-repository'
import { noLongerDue, skipIfNoLongerDue } from './sweep-skip'

export const grantChanged = (grant: GrantRow, now: number): EventMessage => ({
  name: 'access.grantChanged',
  payload: { grantId: grant.id, resourceId: grant.resourceId, at: now },
})

const endedWords: Record<GrantEndReason, string> = {
  expired: 'expired',
  revoked: 'was revoked',
  permit_closed: 'ended with its permit',
  resource_retired: 'ended: the resource was retired',
}

/** Ends a grant inside a transaction and tells its holder; returns the events to publish. */
export function endGrantNotifying(
  tx: Db,
  grant: GrantRow,
  end: { at: number; reason: GrantEndReason; note: string; byId: number | null },
  now: number,
): { ended: GrantRow; events: EventMessage[] } {
  const ended = endGrant(tx, grant, end)
  const resource = findResource(tx, grant.resourceId)
  const notices = notify(tx, now, [
    {
      userId: grant.userId,
      kind: 'grant_ended',
      title: `Your access to ${resource?.key ?? 'a resource'} (${grant.level}) ${endedWords[end.reason]}`,
      body: end.note,
      entityType: 'access_grant',
      entityId: grant.id,
    },
  ])
  return { ended, events: [grantChanged(ended, now), ...notices] }
}

export function createGrantService(deps: { db: Db; commit: Commit; clock: Clock }) {
  const { db, commit, clock } = deps

  /** One time-driven change per transaction, audited under the system; skipped if no longer due. */
  const sweepEach = <T>(items: readonly T[], change: (tx: Db, item: T, now: number) => CommandOutcome<null>) =>
    items.filter((item) => skipIfNoLongerDue(() => commit(systemActor, (tx, now) => change(tx, item, now)))).length

  return {
    revoke(principal: Principal, grantId: number, reason: string) {
      return commit(actorOf(principal), (tx, now) => {
        const grant = findGrant(tx, grantId)
        if (!grant) throw notFound(`There is no grant with id ${grantId}.`)
        const resource = requireResource(tx, grant.resourceId)
        if (!keepsResource(resource, principal)) throw forbidden(`You are not an owner or approver of ${resource.key}.`)
        if (grant.endedAt !== null) throw conflict(`Grant #${grant.id} already ended (${grant.endReason}).`)
        const { ended, events } = endGrantNotifying(
          tx,
          grant,
          { at: now, reason: 'revoked', note: reason, byId: principal.userId },
          now,
        )
        const [value] = grantDtos(tx, [ended], now)
        if (!value) throw notFound(`There is no grant with id ${grantId}.`)
        return {
          value,
          audit: {
            action: 'access.grant.revoked',
            entityType: 'access_grant',
            entityId: grant.id,
            after: { reason, holderId: grant.userId, resource: resource.key },
          },
          events,
        }
      })
    },

    /** Grants whose end has come stop counting by themselves; each expiry is audited. */
    expireDue(limit = 200): number {
      return sweepEach(grantsDueToExpire(db, clock.now(), limit), (tx, due, now) => {
        const grant = findGrant(tx, due.id)
        if (!grant || grant.endedAt !== null || grant.validTo > now) throw noLongerDue()
        const { events } = endGrantNotifying(
          tx,
          grant,
          { at: grant.validTo, reason: 'expired', note: 'Its time ran out.', byId: null },
          now,
        )
        return {
          value: null,
          audit: {
            action: 'access.grant.expired',
            entityType: 'access_grant',
            entityId: grant.id,
            after: { validTo: grant.validTo },
          },
          events,
        }
      })
    },

    /** A grant linked to a permit ends when the permit is closed or cancelled. */
    endWithPermit(permitId: number): number {
      const permit = db
        .select({ state: permits.state, number: permits.number })
        .from(permits)
        .where(eq(permits.id, permitId))
        .get()
      if (!permit || (permit.state !== 'closed' && permit.state !== 'cancelled')) return 0
      return sweepEach(openGrantsOfPermit(db, permitId), (tx, open, now) => {
        const grant = findGrant(tx, open.id)
        if (!grant || grant.endedAt !== null) throw noLongerDue()
        const note = `${permit.number} was ${permit.state}.`
        const { events } = endGrantNotifying(tx, grant, { at: now, reason: 'permit_closed', note, byId: null }, now)
        return {
          value: null,
          audit: {
            action: 'access.grant.ended',
            entityType: 'access_grant',
            entityId: grant.id,
            after: { reason: 'permit_closed', permit: permit.number },
          },
          events,
        }
      })
    },

    /** The catch-up for endWithPermit: open grants whose permit is already closed or cancelled. */
    endWithClosedPermits(): number {
      const stale = db
        .selectDistinct({ permitId: accessGrants.permitId })
        .from(accessGrants)
        .innerJoin(permits, eq(permits.id, accessGrants.permitId))
        .where(and(isNull(accessGrants.endedAt), inArray(permits.state, ['closed', 'cancelled'])))
        .limit(100)
        .all()
      return stale.reduce((n, { permitId }) => n + (permitId === null ? 0 : this.endWithPermit(permitId)), 0)
    },

    /** Reminds holders a day and an hour before a grant ends, once each. */
    remindDue(limit = 200): number {
      const now = clock.now()
      const endingWithin = (ms: number, sent: typeof accessGrants.remindedDayAt | typeof accessGrants.remindedHourAt) =>
        db
          .select()
          .from(accessGrants)
          .where(
            and(
              isNull(accessGrants.endedAt),
              isNull(sent),
              gt(accessGrants.validTo, now),
              lte(accessGrants.validTo, now + ms),
              lte(accessGrants.validFrom, now),
            ),
          )
          .limit(limit)
          .all()
      const remind = (which: 'day' | 'hour') =>
        sweepEach(
          endingWithin(
            which === 'day' ? dayMs : hourMs,
            which === 'day' ? accessGrants.remindedDayAt : accessGrants.remindedHourAt,
          ),
          (tx, due, at) => {
            const grant = findGrant(tx, due.id)
            const already = which === 'day' ? grant?.remindedDayAt : grant?.remindedHourAt
            if (!grant || grant.endedAt !== null || already !== null) throw noLongerDue()
            tx.update(accessGrants)
              // The hour's reminder stands in for the day's when a grant is that close to its end.
              .set(
                which === 'day'
                  ? { remindedDayAt: at }
                  : { remindedHourAt: at, remindedDayAt: grant.remindedDayAt ?? at },
              )
              .where(eq(accessGrants.id, grant.id))
              .run()
            const resource = findResource(tx, grant.resourceId)
            const left = Math.max(1, Math.round((grant.validTo - at) / (which === 'day' ? hourMs : 60_000)))
            const notices = notify(tx, at, [
              {
                userId: grant.userId,
                kind: 'grant_expiring',
                title: `Your access to ${resource?.key ?? 'a resource'} (${grant.level}) ends in ${left} ${which === 'day' ? 'hours' : 'minutes'}`,
                body: 'Ask to extend it if you still need it.',
                entityType: 'access_grant',
                entityId: grant.id,
              },
            ])
            return {
              value: null,
              audit: {
                action: `access.grant.reminded`,
                entityType: 'access_grant',
                entityId: grant.id,
                after: { before: which },
              },
              events: notices,
            }
          },
        )
      const hourly = remind('hour')
      return hourly + remind('day')
    },
  }
}

export type GrantService = ReturnType<typeof createGrantService>
