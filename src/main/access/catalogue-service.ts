import { and, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import type { EventMessage } from '../../shared/contract/events'
import { conflict, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { accessGrants, accessRequests, accessResourceMembers, accessResources, userRoles, users } from '../db/schema'
import { actorOf } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { invalidField } from './access-rules'
import { endGrantNotifying } from './grant-service'
import { requireResource, resourceDto } from './resource-repository'

const resourcesChanged = (resourceId: number, now: number): EventMessage => ({
  name: 'access.resourcesChanged',
  payload: { resourceId, at: now },
})

/** Every id names an active account, and for approvers one with the IT approver role. */
function checkPeople(tx: Db, field: 'ownerIds' | 'approverIds', ids: readonly number[]) {
  const unique = [...new Set(ids)]
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, unique), eq(users.active, true)))
    .all()
  if (found.length !== unique.length) throw invalidField(field, 'invalid_value', 'must name active accounts only')
  if (field === 'approverIds') {
    const approvers = tx
      .select({ id: userRoles.userId })
      .from(userRoles)
      .where(and(inArray(userRoles.userId, unique), eq(userRoles.role, 'it_approver')))
      .all()
    if (approvers.length !== unique.length)
      throw invalidField(field, 'invalid_value', 'must each have the IT approver role')
  }
  return unique
}

/**
 * What retiring a resource (an IT resource, or a space with it) does to access: pending requests
 * expire and grants still to run end, each telling its person. Runs inside the caller's transaction.
 */
export function retireAccess(tx: Db, resourceId: number, reason: string, now: number): EventMessage[] {
  const pending = tx
    .update(accessRequests)
    .set({ status: 'expired', statusReason: `The resource was retired: ${reason}`, updatedAt: now, decidedAt: now })
    .where(and(eq(accessRequests.resourceId, resourceId), eq(accessRequests.status, 'pending')))
    .returning()
    .all()
  const grants = tx
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.resourceId, resourceId), isNull(accessGrants.endedAt), gt(accessGrants.validTo, now)))
    .all()
  return [
    ...pending.map((row): EventMessage => ({
      name: 'access.requestChanged',
      payload: { requestId: row.id, resourceId, status: row.status, at: now },
    })),
    ...grants.flatMap(
      (grant) =>
        endGrantNotifying(tx, grant, { at: now, reason: 'resource_retired', note: reason, byId: null }, now).events,
    ),
    resourcesChanged(resourceId, now),
  ]
}

export function createCatalogueService(deps: { commit: Commit }) {
  const { commit } = deps
  return {
    save(principal: Principal, input: ParsedInput<'access.saveResource'>) {
      return commit(actorOf(principal), (tx, now) => {
        const ownerIds = checkPeople(tx, 'ownerIds', input.ownerIds)
        const approverIds = checkPeople(tx, 'approverIds', input.approverIds)
        const clash = tx
          .select({ id: accessResources.id })
          .from(accessResources)
          .where(eq(accessResources.key, input.key))
          .get()
        if (clash && clash.id !== input.id) throw conflict(`The catalogue already has ${input.key}.`)
        const values = {
          kind: input.kind,
          key: input.key,
          name: input.name,
          description: input.description,
          levels: input.levels,
          riskTier: input.riskTier,
          maxDurationHours: input.maxDurationHours,
          justificationTemplate: input.justificationTemplate,
          reviewEveryDays: input.reviewEveryDays,
        }
        let before: ReturnType<typeof resourceDto> | null = null
        let id: number
        if (input.id === undefined) {
          id = tx
            .insert(accessResources)
            .values({ ...values, createdAt: now })
            .returning({ id: accessResources.id })
            .get().id
        } else {
          const current = requireResource(tx, input.id)
          if (current.row.kind === 'space')
            throw preconditionFailed(`${current.key} is a space; it is kept with the space.`)
          if (current.retiredAt !== null) throw preconditionFailed(`${current.key} is retired.`)
          before = resourceDto(tx, current)
          id = current.row.id
          tx.update(accessResources).set(values).where(eq(accessResources.id, id)).run()
          tx.delete(accessResourceMembers).where(eq(accessResourceMembers.resourceId, id)).run()
        }
        tx.insert(accessResourceMembers)
          .values([
            ...ownerIds.map((userId) => ({ resourceId: id, userId, capacity: 'owner' as const })),
            ...approverIds.map((userId) => ({ resourceId: id, userId, capacity: 'approver' as const })),
          ])
          .run()
        const after = resourceDto(tx, requireResource(tx, id))
        return {
          value: after,
          audit: {
            action: before ? 'access.resource.updated' : 'access.resource.created',
            entityType: 'access_resource',
            entityId: id,
            before,
            after,
          },
          events: [resourcesChanged(id, now)],
        }
      })
    },

    retire(principal: Principal, input: ParsedInput<'access.retireResource'>) {
      return commit(actorOf(principal), (tx, now) => {
        const current = requireResource(tx, input.resourceId)
        if (current.row.kind === 'space')
          throw preconditionFailed(`${current.key} is a space; retire the space itself.`)
        if (current.retiredAt !== null) throw conflict(`${current.key} is already retired.`)
        tx.update(accessResources)
          .set({ retiredAt: now, retiredReason: input.reason })
          .where(eq(accessResources.id, current.row.id))
          .run()
        const events = retireAccess(tx, current.row.id, input.reason, now)
        return {
          value: resourceDto(tx, requireResource(tx, current.row.id)),
          audit: {
            action: 'access.resource.retired',
            entityType: 'access_resource',
            entityId: current.row.id,
            after: { reason: input.reason },
          },
          events,
        }
      })
    },
  }
}
