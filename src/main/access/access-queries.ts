import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import { countCap } from '../../shared/contract/access'
import type { GrantDto, QueueItemDto } from '../../shared/contract/access'
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
import { grantDtos } from './grant-repository'
import { findResource, keepsResource, keptResources, readsAll, spaceApproverRole } from './resource-repository'
import { requestDto, requestDtos, requireRequest } from './request-views'
import type { RequestRow } from './request-views'

type Caller = Pick<Principal, 'userId' | 'roles'>

/** Ids of the resources whose requests this caller may decide: spaces for supervisors, named IT resources for IT approvers. */
export function decidableResourceIds(db: Db, caller: Caller): number[] {
  const spacesToo = caller.roles.includes(spaceApproverRole)
  const named = caller.roles.includes('it_approver')
  if (!spacesToo && !named) return []
  return db
    .select({ id: accessResources.id })
    .from(accessResources)
    .where(
      or(
        spacesToo ? eq(accessResources.kind, 'space') : undefined,
        named
          ? inArray(
              accessResources.id,
              db
                .select({ id: accessResourceMembers.resourceId })
                .from(accessResourceMembers)
                .where(
                  and(eq(accessResourceMembers.userId, caller.userId), eq(accessResourceMembers.capacity, 'approver')),
                ),
            )
          : undefined,
      ),
    )
    .all()
    .map((r) => r.id)
}

/**
 * Requests on these resources, for a list read newest first: the unary + keeps SQLite walking the
 * table by id (stopping at the page) instead of gathering every request of the resources to sort them.
 */
const onResources = (ids: readonly number[]) =>
  ids.length === 0
    ? sql`0`
    : sql`+${accessRequests.resourceId} IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`

/**
 * Free text over the resource's key and name, the requester's name, the level and the justification.
 * Written as conditions on the request's own columns, so lists without a search need no joins.
 */
function searchTerm(db: Db, search: string): SQL | undefined {
  if (!search) return undefined
  const term = `%${search.toLowerCase()}%`
  const resources = db
    .select({ id: accessResources.id })
    .from(accessResources)
    .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
    .where(
      sql`lower(coalesce(${accessResources.key}, 'space:' || ${spaces.tag}) || ' ' || coalesce(${accessResources.name}, ${spaces.name})) LIKE ${term}`,
    )
  const people = db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.displayName}) LIKE ${term}`)
  return or(
    inArray(accessRequests.resourceId, resources),
    inArray(accessRequests.requesterId, people),
    sql`lower(${accessRequests.level} || ' ' || ${accessRequests.justification}) LIKE ${term}`,
  )
}

/** How many rows match, counted up to countCap: the main process never counts without bound. */
function countUpTo(db: Db, table: typeof accessRequests | typeof accessGrants, where: SQL | undefined) {
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(countCap + 1)
  const n =
    db
      .select({ n: sql<number>`count(*)` })
      .from(matching.as('matching'))
      .get()?.n ?? 0
  return { total: Math.min(n, countCap), totalCapped: n > countCap }
}

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
        ? and(onResources(decidableResourceIds(db, caller)), ne(accessRequests.requesterId, caller.userId))
        : undefined
  const where = and(
    scope,
    input.status === undefined ? undefined : eq(accessRequests.status, input.status),
    input.resourceId === undefined ? undefined : eq(accessRequests.resourceId, input.resourceId),
    input.requesterId === undefined ? undefined : eq(accessRequests.requesterId, input.requesterId),
    searchTerm(db, input.search),
  )
  const rows = db
    .select()
    .from(accessRequests)
    .where(and(where, input.beforeId === undefined ? undefined : lt(accessRequests.id, input.beforeId)))
    .orderBy(desc(accessRequests.id))
    .limit(input.limit + 1)
    .all()
  return {
    items: requestDtos(db, rows.slice(0, input.limit)),
    ...countUpTo(db, accessRequests, where),
    hasMore: rows.length > input.limit,
  }
}

/** A linked permit that is active, or open and starting within a day: someone is waiting at the space. */
const blockingPermit = (now: number) =>
  sql<number>`coalesce((SELECT 1 FROM ${permits} WHERE ${permits.id} = ${accessRequests.permitId} AND (${permits.state} = 'active' OR (${permits.state} IN ('draft', 'pending_authorization', 'authorized', 'suspended') AND ${permits.validFrom} <= ${now + dayMs} AND ${permits.validTo} > ${now}))), 0)`

/** The pending requests this caller may decide now, blocking ones first, then the oldest. */
export function approvalQueue(db: Db, caller: Caller, input: ParsedInput<'access.queue'>, now: number) {
  const where = and(
    eq(accessRequests.status, 'pending'),
    inArray(accessRequests.resourceId, decidableResourceIds(db, caller)),
    ne(accessRequests.requesterId, caller.userId),
    or(isNull(accessRequests.filedById), ne(accessRequests.filedById, caller.userId)),
    // A high-risk request this approver already approved waits for someone else.
    sql`NOT EXISTS (SELECT 1 FROM ${accessApprovals} WHERE ${accessApprovals.requestId} = ${accessRequests.id} AND ${accessApprovals.approverId} = ${caller.userId})`,
    input.resourceId === undefined ? undefined : eq(accessRequests.resourceId, input.resourceId),
    searchTerm(db, input.search),
  )
  const blocking = blockingPermit(now)
  const rows = db
    .select({ request: accessRequests, blocking })
    .from(accessRequests)
    .where(where)
    .orderBy(desc(blocking), accessRequests.createdAt, accessRequests.id)
    .limit(input.limit + 1)
    .offset(input.offset)
    .all()
  const page = rows.slice(0, input.limit)
  const dtos = requestDtos(
    db,
    page.map((r) => r.request),
  )
  const history = grantHistories(
    db,
    dtos.map((dto) => ({ userId: dto.requester.id, resourceId: dto.resource.id })),
    now,
  )
  const items: QueueItemDto[] = dtos.map((dto, i) => {
    const grants = history.get(`${dto.requester.id}:${dto.resource.id}`) ?? []
    return {
      ...dto,
      ageMs: Math.max(0, now - dto.createdAt),
      blocksPermit: page[i]?.blocking === 1,
      requesterGrants: [...grants.filter((g) => g.endedAt === null), ...grants.filter((g) => g.endedAt !== null)],
    }
  })
  return { items, ...countUpTo(db, accessRequests, where), hasMore: rows.length > input.limit }
}

/** Each requester's latest grants (up to 20) on each resource, read in one query for a page of requests. */
function grantHistories(db: Db, pairs: { userId: number; resourceId: number }[], now: number) {
  const byPair = new Map<string, GrantDto[]>()
  if (pairs.length === 0) return byPair
  const values = sql.join(
    [...new Set(pairs.map((p) => `${p.userId}:${p.resourceId}`))].map((key) => {
      const [userId, resourceId] = key.split(':').map(Number)
      return sql`(${userId}, ${resourceId})`
    }),
    sql`, `,
  )
  const rows = db
    .select()
    .from(accessGrants)
    .where(sql`(${accessGrants.userId}, ${accessGrants.resourceId}) IN (VALUES ${values})`)
    .orderBy(desc(accessGrants.id))
    .all()
  for (const grant of grantDtos(db, rows, now)) {
    const key = `${grant.holder.id}:${grant.resource.id}`
    const list = byPair.get(key) ?? []
    if (list.length < 20) list.push(grant)
    byPair.set(key, list)
  }
  return byPair
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
  return {
    items: grantDtos(db, rows.slice(0, input.limit), now),
    ...countUpTo(db, accessGrants, where),
    hasMore: rows.length > input.limit,
  }
}

/** Whether the caller may read this grant: their own, on a resource they keep, or they read all. */
export function mayReadGrant(db: Db, caller: Caller, grant: { userId: number; resourceId: number }) {
  if (grant.userId === caller.userId || readsAll(caller)) return true
  const resource = findResource(db, grant.resourceId)
  return resource !== undefined && keepsResource(resource, caller)
}
