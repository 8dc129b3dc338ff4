import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import type { EventMessage } from '../../shared/contract/events'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import type { Clock } from '../core/clock'
import { conflict, forbidden, notFound, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { accessRequests, permits } from '../db/schema'
import { actorOf, systemActor } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { findUserById } from '../identity/user-repository'
import { notify } from '../notifications/notification-repository'
import { findSite } from '../sites/site-repository'
import { noLongerDue, skipIfNoLongerDue } from './sweep-skip'
import { checkDuration, checkLevel, checkStart, dayMs, defaultPendingRequestDays, hourMs } from './access-rules'
import { overlappingGrantOf } from './grant-repository'
import { approversOf, findResource, mayDecide, requireResource } from './resource-repository'
import type { Resource } from './resource-repository'
import { approvalsOf, requestDto, requireRequest } from './request-views'
import { addApproval, addGrant, addRequest, settle } from './request-writes'
import type { RequestRow } from './request-views'

const formatTime = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'

const requestChanged = (row: RequestRow, now: number): EventMessage => ({
  name: 'access.requestChanged',
  payload: { requestId: row.id, resourceId: row.resourceId, status: row.status, at: now },
})

/** A resource's people who may decide this request: approvers, never its requester or whoever filed it. */
const decidersOf = (tx: Db, resource: Resource, row: RequestRow) =>
  approversOf(tx, resource).filter((id) => id !== row.requesterId && id !== row.filedById)

function pendingDays(tx: Db, resource: Resource) {
  const site = resource.siteId === null ? undefined : findSite(tx, resource.siteId)
  return site?.pendingRequestDays ?? defaultPendingRequestDays
}

/** The permit a request links to: it exists, is not over, and for a space is a permit of that space. */
function checkPermit(tx: Db, resource: Resource, permitId: number) {
  const permit = tx.select().from(permits).where(eq(permits.id, permitId)).get()
  if (!permit) throw notFound(`There is no permit with id ${permitId}.`)
  if (isTerminal(permit.state)) throw preconditionFailed(`${permit.number} is ${permit.state}; link an open permit.`)
  if (resource.row.spaceId !== null && permit.spaceId !== resource.row.spaceId)
    throw preconditionFailed(`${permit.number} is not a permit for ${resource.key}.`)
  return permit
}

const pendingRequest = preparedQuery((db) =>
  db
    .select()
    .from(accessRequests)
    .where(
      and(
        eq(accessRequests.requesterId, sql.placeholder('userId')),
        eq(accessRequests.resourceId, sql.placeholder('resourceId')),
        eq(accessRequests.level, sql.placeholder('level')),
        eq(accessRequests.status, 'pending'),
      ),
    )
    .prepare(),
)

/**
 * Refuses a request that duplicates a pending one or an existing grant, naming it. A request
 * that starts at or after the running grant's end extends it ("extend" on a grant, or after a
 * reminder), and is no duplicate.
 */
function checkNoDuplicate(
  tx: Db,
  who: { userId: number; resourceId: number; level: string; startsAt: number; durationHours: number },
  resource: Resource,
  now: number,
) {
  const pending = pendingRequest(tx).get({ userId: who.userId, resourceId: who.resourceId, level: who.level })
  if (pending)
    throw conflict(
      `Request #${pending.id} for ${resource.key} at level ${who.level} is already pending (filed ${formatTime(pending.createdAt)}); edit or withdraw it instead.`,
    )
  // A grant covering any part of the requested period: running at its start, or scheduled within it.
  const from = Math.max(now, who.startsAt)
  const grant = overlappingGrantOf(tx, who, from, from + who.durationHours * hourMs)
  if (grant)
    throw conflict(
      `Grant #${grant.id} already gives ${resource.key} at level ${who.level} until ${formatTime(grant.validTo)}; to extend it, ask for access starting at its end.`,
    )
}

export function createRequestService(deps: { db: Db; commit: Commit; clock: Clock }) {
  const { commit } = deps

  return {
    file(principal: Principal, input: ParsedInput<'access.fileRequest'>) {
      return commit(actorOf(principal), (tx, now) => {
        const resource = requireResource(tx, input.resourceId)
        if (resource.retiredAt !== null)
          throw preconditionFailed(`${resource.key} is retired; access to it cannot be requested.`)
        checkLevel(resource.row.levels, input.level, resource.key)
        checkDuration(input.durationHours, resource.row.maxDurationHours, resource.key)
        const startsAt = input.startsAt ?? now
        checkStart(startsAt, now)
        const requesterId = input.onBehalfOf ?? principal.userId
        const onBehalf = requesterId !== principal.userId
        const requester = findUserById(tx, requesterId)
        // Checked before existence, so nobody but an administrator learns which accounts exist.
        if (onBehalf && !principal.roles.includes('administrator') && requester?.managerId !== principal.userId)
          throw forbidden('Only their manager or an administrator may ask for access on someone’s behalf.')
        if (!requester) throw notFound(`There is no user with id ${requesterId}.`)
        if (!requester.active) throw preconditionFailed(`${requester.displayName}’s account is deactivated.`)
        if (input.permitId !== undefined) checkPermit(tx, resource, input.permitId)
        checkNoDuplicate(
          tx,
          {
            userId: requesterId,
            resourceId: resource.row.id,
            level: input.level,
            startsAt,
            durationHours: input.durationHours,
          },
          resource,
          now,
        )
        const row = addRequest(tx, {
          requesterId,
          filedById: onBehalf ? principal.userId : null,
          resourceId: resource.row.id,
          level: input.level,
          justification: input.justification,
          startsAt,
          durationHours: input.durationHours,
          permitId: input.permitId ?? null,
          createdAt: now,
          updatedAt: now,
          expiresAt: now + pendingDays(tx, resource) * dayMs,
        })
        const notices = notify(
          tx,
          now,
          decidersOf(tx, resource, row).map((userId) => ({
            userId,
            kind: 'request_arrived' as const,
            title: `${requester.displayName} asks for ${resource.key} (${row.level})`,
            body: `For ${row.durationHours} h: ${row.justification}`,
            entityType: 'access_request' as const,
            entityId: row.id,
          })),
        )
        return {
          value: requestDto(tx, row),
          audit: {
            action: 'access.request.filed',
            entityType: 'access_request',
            entityId: row.id,
            after: {
              requester: requester.displayName,
              resource: resource.key,
              level: row.level,
              durationHours: row.durationHours,
              startsAt,
              permitId: row.permitId,
              onBehalfOf: onBehalf ? requester.displayName : null,
            },
          },
          events: [requestChanged(row, now), ...notices],
        }
      })
    },

    edit(principal: Principal, input: ParsedInput<'access.editRequest'>) {
      return commit(actorOf(principal), (tx, now) => {
        const before = requireRequest(tx, input.requestId)
        if (before.requesterId !== principal.userId) throw forbidden('Only the requester may edit a request.')
        if (before.status !== 'pending')
          throw preconditionFailed(`Request #${before.id} is ${before.status}; only a pending request can be edited.`)
        if (approvalsOf(tx, before.id).length > 0)
          throw preconditionFailed(
            `Request #${before.id} already has an approval; withdraw it and file a new one to change it.`,
          )
        const resource = requireResource(tx, before.resourceId)
        if (input.durationHours !== undefined)
          checkDuration(input.durationHours, resource.row.maxDurationHours, resource.key)
        if (input.startsAt !== undefined) checkStart(input.startsAt, now)
        // A new period must not run into a grant the requester already holds.
        const from = Math.max(now, input.startsAt ?? before.startsAt)
        const clash = overlappingGrantOf(
          tx,
          { userId: before.requesterId, resourceId: before.resourceId, level: before.level },
          from,
          from + (input.durationHours ?? before.durationHours) * hourMs,
        )
        if (clash)
          throw conflict(
            `Grant #${clash.id} already gives ${resource.key} at level ${before.level} until ${formatTime(clash.validTo)}; the request must start at its end.`,
          )
        if (input.permitId !== undefined && input.permitId !== null) checkPermit(tx, resource, input.permitId)
        const row = tx
          .update(accessRequests)
          .set({
            ...(input.justification === undefined ? {} : { justification: input.justification }),
            ...(input.startsAt === undefined ? {} : { startsAt: input.startsAt }),
            ...(input.durationHours === undefined ? {} : { durationHours: input.durationHours }),
            ...(input.permitId === undefined ? {} : { permitId: input.permitId }),
            updatedAt: now,
          })
          .where(eq(accessRequests.id, before.id))
          .returning()
          .get()
        const summary = (r: RequestRow) => ({
          justification: r.justification,
          startsAt: r.startsAt,
          durationHours: r.durationHours,
          permitId: r.permitId,
        })
        return {
          value: requestDto(tx, row),
          audit: {
            action: 'access.request.edited',
            entityType: 'access_request',
            entityId: row.id,
            before: summary(before),
            after: summary(row),
          },
          events: [requestChanged(row, now)],
        }
      })
    },

    withdraw(principal: Principal, input: ParsedInput<'access.withdrawRequest'>) {
      return commit(actorOf(principal), (tx, now) => {
        const before = requireRequest(tx, input.requestId)
        if (before.requesterId !== principal.userId) throw forbidden('Only the requester may withdraw a request.')
        if (before.status !== 'pending')
          throw preconditionFailed(
            `Request #${before.id} is ${before.status}; only a pending request can be withdrawn.`,
          )
        const row = tx
          .update(accessRequests)
          .set({
            status: 'withdrawn',
            statusReason: input.note || 'Withdrawn by the requester.',
            updatedAt: now,
            decidedAt: now,
          })
          .where(eq(accessRequests.id, before.id))
          .returning()
          .get()
        return {
          value: requestDto(tx, row),
          audit: {
            action: 'access.request.withdrawn',
            entityType: 'access_request',
            entityId: row.id,
            after: { note: input.note },
          },
          events: [requestChanged(row, now)],
        }
      })
    },

    /**
     * One approver's decision. The IMMEDIATE transaction serializes deciders: whoever commits
     * first decides a standard request, and the second finds it no longer pending.
     */
    decide(principal: Principal, input: ParsedInput<'access.decide'>) {
      return commit(actorOf(principal), (tx, now) => {
        const before = requireRequest(tx, input.requestId)
        const resource = requireResource(tx, before.resourceId)
        if (!mayDecide(resource, principal)) throw forbidden(`You are not an approver of ${resource.key}.`)
        if (before.requesterId === principal.userId) throw forbidden('Nobody decides their own request.')
        if (before.filedById === principal.userId)
          throw forbidden('Nobody decides a request they filed on someone’s behalf.')
        if (before.status !== 'pending') {
          const last = approvalsOf(tx, before.id).at(-1)
          const by = last
            ? ` by ${findUserById(tx, last.approverId)?.displayName ?? 'someone'} at ${formatTime(last.at)}`
            : ''
          throw conflict(`Request #${before.id} was already ${before.status}${by}.`)
        }
        const earlier = approvalsOf(tx, before.id)
        if (earlier.some((a) => a.approverId === principal.userId))
          throw conflict(
            `You already approved request #${before.id}; ${resource.key} is high risk and needs a second, different approver.`,
          )
        if (input.grantedHours !== undefined)
          checkDuration(
            input.grantedHours,
            before.durationHours,
            `this request (asked for ${before.durationHours} h)`,
            'grantedHours',
          )
        const hours = input.grantedHours ?? before.durationHours
        const validFrom = Math.max(now, before.startsAt)
        addApproval(tx, {
          requestId: before.id,
          approverId: principal.userId,
          decision: input.decision,
          comment: input.comment,
          grantedUntil: input.decision === 'approve' ? validFrom + hours * hourMs : null,
          at: now,
        })
        const approvals = [
          ...earlier.filter((a) => a.decision === 'approve'),
          { grantedUntil: validFrom + hours * hourMs },
        ]
        const final = input.decision === 'deny' || approvals.length >= resource.approvalsNeeded
        let row = before
        let grantId: number | null = null
        if (final) {
          if (input.decision === 'approve' && before.permitId !== null) {
            const permit = tx
              .select({ state: permits.state, number: permits.number })
              .from(permits)
              .where(eq(permits.id, before.permitId))
              .get()
            if (permit && isTerminal(permit.state))
              throw preconditionFailed(
                `${permit.number} is ${permit.state}; a grant linked to it would end at once. Deny the request instead.`,
              )
          }
          row = settle(tx, before.id, {
            status: input.decision === 'approve' ? 'approved' : 'denied',
            statusReason: input.decision === 'deny' ? input.comment : null,
            at: now,
          })
          if (input.decision === 'approve') {
            // Two approvers may each shorten: the grant runs to the earlier of their ends.
            const validTo = Math.min(...approvals.map((a) => a.grantedUntil ?? Number.POSITIVE_INFINITY))
            grantId = addGrant(tx, {
              userId: before.requesterId,
              resourceId: before.resourceId,
              level: before.level,
              requestId: before.id,
              permitId: before.permitId,
              validFrom,
              validTo,
              createdAt: now,
            })
          }
        } else {
          row = tx
            .update(accessRequests)
            .set({ updatedAt: now })
            .where(eq(accessRequests.id, before.id))
            .returning()
            .get()
        }
        const dto = requestDto(tx, row)
        const notices = final
          ? notify(tx, now, [
              {
                userId: row.requesterId,
                kind: 'request_decided',
                title: `${resource.key} (${row.level}) ${row.status} by ${principal.displayName}`,
                body:
                  row.status === 'approved'
                    ? `Granted until ${formatTime(Math.min(...approvals.map((a) => a.grantedUntil ?? 0)))}.`
                    : `Reason: ${input.comment}`,
                entityType: 'access_request',
                entityId: row.id,
              },
            ])
          : []
        return {
          value: dto,
          audit: {
            action:
              input.decision === 'approve'
                ? final
                  ? 'access.request.approved'
                  : 'access.request.first_approval'
                : 'access.request.denied',
            entityType: 'access_request',
            entityId: row.id,
            before: { status: before.status },
            after: {
              status: row.status,
              decision: input.decision,
              comment: input.comment,
              grantedHours: hours,
              grantId,
            },
          },
          events: [
            requestChanged(row, now),
            ...(grantId === null
              ? []
              : [{ name: 'access.grantChanged' as const, payload: { grantId, resourceId: row.resourceId, at: now } }]),
            ...notices,
          ],
        }
      })
    },

    /** Pending requests undecided past their time expire, each in its own audited transaction. */
    expireDue(limit = 200): number {
      const due = deps.db
        .select({ id: accessRequests.id })
        .from(accessRequests)
        .where(and(eq(accessRequests.status, 'pending'), lte(accessRequests.expiresAt, deps.clock.now())))
        .orderBy(asc(accessRequests.expiresAt))
        .limit(limit)
        .all()
      let expired = 0
      for (const { id } of due) {
        const done = skipIfNoLongerDue(() =>
          commit(systemActor, (tx, now) => {
            const before = requireRequest(tx, id)
            // Decided in another process since the list was read: nothing to do, nothing written.
            if (before.status !== 'pending' || before.expiresAt > now) throw noLongerDue()
            const days = Math.round((before.expiresAt - before.createdAt) / dayMs)
            const resource = findResource(tx, before.resourceId)
            const reason = `No decision within ${days} days.`
            const row = tx
              .update(accessRequests)
              .set({ status: 'expired', statusReason: reason, updatedAt: now, decidedAt: now })
              .where(eq(accessRequests.id, id))
              .returning()
              .get()
            const notices = notify(tx, now, [
              {
                userId: row.requesterId,
                kind: 'request_expired',
                title: `Your request for ${resource?.key ?? 'a resource'} (${row.level}) expired`,
                body: reason,
                entityType: 'access_request',
                entityId: row.id,
              },
            ])
            return {
              value: true,
              audit: {
                action: 'access.request.expired',
                entityType: 'access_request',
                entityId: id,
                after: { reason },
              },
              events: [requestChanged(row, now), ...notices],
            }
          }),
        )
        if (done) expired += 1
      }
      return expired
    },
  }
}

export type RequestService = ReturnType<typeof createRequestService>
