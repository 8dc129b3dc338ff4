import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import type { QueueItemDto } from '../../shared/contract/access'
import { forbidden, notFound } from '../core/domain-error'
import type { Db } from '../db/database'
import {
  accessApprovals,
  accessGrants,
  accessRequests,
  accessResourceMembers,
  accessResources,
  permits,
  spaces,
  users,
} from '../db/schema'
import type { Principal } from '../identity/principal'
import { dayMs } from './access-rules'
import { grantDtos, grantsOfHolderOnResource } from './grant-repository'
import { findResource, keepsResource, readsAll, spaceApproverRole } from './resource-repository'
import { requestDto, requestDtos, requireRequest } from './request-views'
import type { RequestRow } from './request-views'

type Caller = Pick<Principal, 'userId' | 'roles'>

/** Resources whose requests this caller may decide: spaces for supervisors, named IT resources for IT approvers. */
function decidableResources(caller: Caller): SQL {
  const spacesToo = caller.roles.includes(spaceApproverRole) ? sql`${accessResources.kind} = 'space'` : sql`0`
  const named = caller.roles.includes('it_approver')
    ? sql`${accessResources.id} IN (SELECT ${accessResourceMembers.resourceId} FROM ${accessResourceMembers} WHERE ${accessResourceMembers.userId} = ${caller.userId} AND ${accessResourceMembers.capacity} = 'approver')`
    : sql`0`
  return sql`(${spacesToo} OR ${named})`
}

/** Resources this caller keeps (owner or approver, spaces by role). */
function keptResources(caller: Caller): SQL {
  const spacesToo = caller.roles.includes(spaceApproverRole) ? sql`${accessResources.kind} = 'space'` : sql`0`
  return sql`(${spacesToo} OR ${accessResources.id} IN (SELECT ${accessResourceMembers.resourceId} FROM ${accessResourceMembers} WHERE ${accessResourceMembers.userId} = ${caller.userId}))`
}

function searchTerm(search: string): SQL | undefined {
  if (!search) return undefined
  const term = `%${search.toLowerCase()}%`
  return sql`lower(coalesce(${accessResources.key}, 'space:' || ${spaces.tag}) || ' ' || coalesce(${accessResources.name}, ${spaces.name}) || ' ' || ${accessRequests.level} || ' ' || ${users.displayName} || ' ' || ${accessRequests.justification}) LIKE ${term}`
}

const requestsJoined = (db: Db) =>
  db
    .select({ request: accessRequests })
    .from(accessRequests)
    .innerJoin(accessResources, eq(accessResources.id, accessRequests.resourceId))
    .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))

/** Whether the caller may read this request: theirs, filed by them, on a resource they keep or decide, or they read all. */
export function mayReadRequest(
  db: Db,
  caller: Caller,
  row: Pick<RequestRow, 'requesterId' | 'filedById' | 'resourceId'>,
) {
  if (row.requesterId === caller.userId || row.filedById === caller.userId || readsAll(caller)) return true
  const resource = findResource(db, row.resourceId)
  return resource !== undefined && keepsResource(resource, caller)
}

export function readRequest(db: Db, caller: Caller, requestId: number) {
  const row = requireRequest(db, requestId)
  // Someone else's request does not exist for a caller who may not read it.
  if (!mayReadRequest(db, caller, row)) throw notFound(`There is no access request with id ${requestId}.`)
  return requestDto(db, row)
}

export function listRequests(db: Db, caller: Caller, input: ParsedInput<'access.requests'>) {
  if (input.scope === 'all' && !readsAll(caller)) throw forbidden('Only auditors and administrators see every request.')
  const scope =
    input.scope === 'mine'
      ? or(eq(accessRequests.requesterId, caller.userId), eq(accessRequests.filedById, caller.userId))
      : input.scope === 'decidable'
        ? and(decidableResources(caller), ne(accessRequests.requesterId, caller.userId))
        : undefined
  const where = and(
    scope,
    input.status === undefined ? undefined : eq(accessRequests.status, input.status),
    input.resourceId === undefined ? undefined : eq(accessRequests.resourceId, input.resourceId),
    input.requesterId === undefined ? undefined : eq(accessRequests.requesterId, input.requesterId),
    searchTerm(input.search),
  )
  const rows = requestsJoined(db)
    .where(and(where, input.beforeId === undefined ? undefined : lt(accessRequests.id, input.beforeId)))
    .orderBy(desc(accessRequests.id))
    .limit(input.limit + 1)
    .all()
    .map((r) => r.request)
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(accessRequests)
      .innerJoin(accessResources, eq(accessResources.id, accessRequests.resourceId))
      .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
      .innerJoin(users, eq(users.id, accessRequests.requesterId))
      .where(where)
      .get()?.n ?? 0
  return { items: requestDtos(db, rows.slice(0, input.limit)), total, hasMore: rows.length > input.limit }
}

/** A linked permit that is active, or open and starting within a day: someone is waiting at the space. */
const blockingPermit = (now: number) =>
  sql<number>`coalesce((SELECT 1 FROM ${permits} WHERE ${permits.id} = ${accessRequests.permitId} AND (${permits.state} = 'active' OR (${permits.state} IN ('draft', 'pending_authorization', 'authorized', 'suspended') AND ${permits.validFrom} <= ${now + dayMs} AND ${permits.validTo} > ${now}))), 0)`

/** The pending requests this caller may decide now, blocking ones first, then the oldest. */
export function approvalQueue(db: Db, caller: Caller, input: ParsedInput<'access.queue'>, now: number) {
  const where = and(
    eq(accessRequests.status, 'pending'),
    decidableResources(caller),
    ne(accessRequests.requesterId, caller.userId),
    or(isNull(accessRequests.filedById), ne(accessRequests.filedById, caller.userId)),
    // A high-risk request this approver already approved waits for someone else.
    sql`NOT EXISTS (SELECT 1 FROM ${accessApprovals} WHERE ${accessApprovals.requestId} = ${accessRequests.id} AND ${accessApprovals.approverId} = ${caller.userId})`,
    input.resourceId === undefined ? undefined : eq(accessRequests.resourceId, input.resourceId),
    searchTerm(input.search),
  )
  const blocking = blockingPermit(now)
  const rows = db
    .select({ request: accessRequests, blocking })
    .from(accessRequests)
    .innerJoin(accessResources, eq(accessResources.id, accessRequests.resourceId))
    .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(where)
    .orderBy(desc(blocking), accessRequests.createdAt, accessRequests.id)
    .limit(input.limit + 1)
    .offset(input.offset)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(accessRequests)
      .innerJoin(accessResources, eq(accessResources.id, accessRequests.resourceId))
      .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
      .innerJoin(users, eq(users.id, accessRequests.requesterId))
      .where(where)
      .get()?.n ?? 0
  const page = rows.slice(0, input.limit)
  const dtos = requestDtos(
    db,
    page.map((r) => r.request),
  )
  const items: QueueItemDto[] = dtos.map((dto, i) => {
    const history = grantDtos(db, grantsOfHolderOnResource(db, dto.requester.id, dto.resource.id), now)
    return {
      ...dto,
      ageMs: Math.max(0, now - dto.createdAt),
      blocksPermit: page[i]?.blocking === 1,
      requesterGrants: [...history.filter((g) => g.endedAt === null), ...history.filter((g) => g.endedAt !== null)],
    }
  })
  return { items, total, hasMore: rows.length > input.limit }
}

/** Who has what: one person's grants, one resource's, or (auditors and administrators) everyone's. */
export function listGrants(db: Db, caller: Caller, input: ParsedInput<'access.grants'>, now: number) {
  const everyone = readsAll(caller)
  let scope: SQL | undefined
  if (input.resourceId !== undefined) {
    const resource = findResource(db, input.resourceId)
    if (!resource) throw notFound(`There is no resource with id ${input.resourceId}.`)
    // Someone who does not keep the resource sees only their own grants on it.
    if (!everyone && !keepsResource(resource, caller)) scope = eq(accessGrants.userId, caller.userId)
  } else if (input.holderId !== undefined && input.holderId !== caller.userId && !everyone) {
    // Another person's grants: only those on resources the caller keeps.
    scope = inArray(
      accessGrants.resourceId,
      db.select({ id: accessResources.id }).from(accessResources).where(keptResources(caller)),
    )
  } else if (input.holderId === undefined && !everyone) {
    scope = eq(accessGrants.userId, caller.userId)
  }
  const current = input.current
    ? and(isNull(accessGrants.endedAt), sql`${accessGrants.validTo} > ${now}`)
    : sql`(${accessGrants.endedAt} IS NOT NULL OR ${accessGrants.validTo} <= ${now})`
  const where = and(
    scope,
    current,
    input.holderId === undefined ? undefined : eq(accessGrants.userId, input.holderId),
    input.resourceId === undefined ? undefined : eq(accessGrants.resourceId, input.resourceId),
  )
  const rows = db
    .select()
    .from(accessGrants)
    .where(and(where, input.beforeId === undefined ? undefined : lt(accessGrants.id, input.beforeId)))
    .orderBy(desc(accessGrants.id))
    .limit(input.limit + 1)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(accessGrants)
      .where(where)
      .get()?.n ?? 0
  return { items: grantDtos(db, rows.slice(0, input.limit), now), total, hasMore: rows.length > input.limit }
}

/** Whether the caller may read this grant: their own, on a resource they keep, or they read all. */
export function mayReadGrant(db: Db, caller: Caller, grant: { userId: number; resourceId: number }) {
  if (grant.userId === caller.userId || readsAll(caller)) return true
  const resource = findResource(db, grant.resourceId)
  return resource !== undefined && keepsResource(resource, caller)
}
