import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { ResourceDto } from '../../shared/contract/access'
import type { Role } from '../../shared/contract/roles'
import type { Db } from '../db/database'
import { accessResourceMembers, accessResources, spaces, userRoles, users } from '../db/schema'
import { notFound } from '../core/domain-error'
import { anyOf, jsonList, preparedQuery } from '../db/prepared-query'
import type { Principal } from '../identity/principal'

export type ResourceRow = typeof accessResources.$inferSelect

/** Whoever approves and owns a space's access: its site's supervisors, by role. */
export const spaceApproverRole: Role = 'supervisor'

/** A resource with what its row leaves to others: a space's key, name and retirement; everyone's people. */
export interface Resource {
  row: ResourceRow
  key: string
  name: string
  siteId: number | null
  retiredAt: number | null
  /** Named owners and approvers of an IT resource; empty for a space (decided by role). */
  ownerIds: number[]
  approverIds: number[]
  approverRole: Role | null
  approvalsNeeded: number
}

const columns = {
  row: accessResources,
  spaceTag: spaces.tag,
  spaceName: spaces.name,
  spaceSiteId: spaces.siteId,
  spaceRetiredAt: spaces.retiredAt,
}

const membersOf = preparedQuery((db) =>
  db
    .select()
    .from(accessResourceMembers)
    .where(inArray(accessResourceMembers.resourceId, anyOf('ids')))
    .prepare(),
)

function assemble(
  db: Db,
  found: {
    row: ResourceRow
    spaceTag: string | null
    spaceName: string | null
    spaceSiteId: number | null
    spaceRetiredAt: number | null
  }[],
): Resource[] {
  const ids = found.map((f) => f.row.id)
  const members = ids.length === 0 ? [] : membersOf(db).all({ ids: jsonList(ids) })
  return found.map(({ row, spaceTag, spaceName, spaceSiteId, spaceRetiredAt }) => {
    const mine = members.filter((m) => m.resourceId === row.id)
    const isSpace = row.kind === 'space'
    return {
      row,
      key: isSpace ? `space:${spaceTag ?? ''}` : (row.key ?? ''),
      name: isSpace ? `${spaceTag ?? ''} ${spaceName ?? ''}`.trim() : (row.name ?? ''),
      siteId: isSpace ? spaceSiteId : null,
      retiredAt: isSpace ? spaceRetiredAt : row.retiredAt,
      ownerIds: mine.filter((m) => m.capacity === 'owner').map((m) => m.userId),
      approverIds: mine.filter((m) => m.capacity === 'approver').map((m) => m.userId),
      approverRole: isSpace ? spaceApproverRole : null,
      approvalsNeeded: row.riskTier === 'high' ? 2 : 1,
    }
  })
}

const selectResources = (db: Db) =>
  db.select(columns).from(accessResources).leftJoin(spaces, eq(spaces.id, accessResources.spaceId))

const resourcesById = preparedQuery((db) =>
  selectResources(db)
    .where(inArray(accessResources.id, anyOf('ids')))
    .prepare(),
)

export function findResource(db: Db, id: number): Resource | undefined {
  return assemble(db, resourcesById(db).all({ ids: jsonList([id]) }))[0]
}

/** Several resources in two queries, for a page of requests or grants. */
export function findResources(db: Db, ids: readonly number[]): Map<number, Resource> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const found = assemble(db, resourcesById(db).all({ ids: jsonList(unique) }))
  return new Map(found.map((resource) => [resource.row.id, resource]))
}

export function requireResource(db: Db, id: number): Resource {
  const resource = findResource(db, id)
  if (!resource) throw notFound(`There is no resource with id ${id}.`)
  return resource
}

export function findSpaceResource(db: Db, spaceId: number): Resource | undefined {
  return assemble(db, selectResources(db).where(eq(accessResources.spaceId, spaceId)).all())[0]
}

/** The catalogue, IT resources first, then spaces by tag; matching a search on key or name. */
export function listResources(db: Db, filter: { search: string; includeRetired: boolean }): Resource[] {
  const term = `%${filter.search.toLowerCase()}%`
  const rows = selectResources(db)
    .where(
      and(
        filter.includeRetired ? undefined : sql`coalesce(${accessResources.retiredAt}, ${spaces.retiredAt}) IS NULL`,
        filter.search
          ? sql`lower(coalesce(${accessResources.key}, 'space:' || ${spaces.tag}) || ' ' || coalesce(${accessResources.name}, ${spaces.name})) LIKE ${term}`
          : undefined,
      ),
    )
    .orderBy(sql`${accessResources.kind} = 'space'`, asc(sql`coalesce(${accessResources.key}, ${spaces.tag})`))
    .limit(2000)
    .all()
  return assemble(db, rows)
}

/** Ids of the active people holding a role. */
export function activeHoldersOf(db: Db, role: Role): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .where(eq(users.active, true))
    .all()
    .map((u) => u.id)
}

/** Who approves a resource now: named approvers, or for a space every active supervisor. */
export const approversOf = (db: Db, resource: Resource): number[] =>
  resource.approverRole ? activeHoldersOf(db, resource.approverRole) : resource.approverIds

export const ownersOf = (db: Db, resource: Resource): number[] =>
  resource.approverRole ? activeHoldersOf(db, resource.approverRole) : resource.ownerIds

/** Whether this caller may decide requests for this resource (the record-level half of the policy). */
export function mayDecide(resource: Resource, principal: Pick<Principal, 'userId' | 'roles'>): boolean {
  if (resource.approverRole) return principal.roles.includes(resource.approverRole)
  return principal.roles.includes('it_approver') && resource.approverIds.includes(principal.userId)
}

/** Whether this caller keeps the resource: may see all its grants, revoke them and review them. */
export function keepsResource(resource: Resource, principal: Pick<Principal, 'userId' | 'roles'>): boolean {
  if (principal.roles.includes('administrator')) return true
  if (resource.approverRole) return principal.roles.includes(resource.approverRole)
  return resource.ownerIds.includes(principal.userId) || mayDecide(resource, principal)
}

/** Whether the caller reads everything: auditors and administrators. */
export const readsAll = (principal: Pick<Principal, 'roles'>) =>
  principal.roles.includes('auditor') || principal.roles.includes('administrator')

/** Resource ids the caller keeps among IT resources (spaces are kept by role). */
export function keptItResourceIds(db: Db, userId: number): number[] {
  return db
    .select({ id: accessResourceMembers.resourceId })
    .from(accessResourceMembers)
    .where(eq(accessResourceMembers.userId, userId))
    .all()
    .map((m) => m.id)
}

const namesById = preparedQuery((db) =>
  db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, anyOf('ids')))
    .prepare(),
)

export function nameOf(db: Db, userIds: number[]): Map<number, string> {
  if (userIds.length === 0) return new Map()
  const rows = namesById(db).all({ ids: jsonList([...new Set(userIds)]) })
  return new Map(rows.map((r) => [r.id, r.name]))
}

export function resourceDto(db: Db, resource: Resource): ResourceDto {
  const names = nameOf(db, [...resource.ownerIds, ...resource.approverIds])
  const person = (id: number) => ({ id, name: names.get(id) ?? '' })
  return {
    id: resource.row.id,
    key: resource.key,
    name: resource.name,
    kind: resource.row.kind,
    description: resource.row.description,
    levels: resource.row.levels,
    riskTier: resource.row.riskTier,
    approvalsNeeded: resource.approvalsNeeded,
    maxDurationHours: resource.row.maxDurationHours,
    justificationTemplate: resource.row.justificationTemplate,
    reviewEveryDays: resource.row.reviewEveryDays,
    owners: resource.ownerIds.map(person),
    approvers: resource.approverIds.map(person),
    approverRole: resource.approverRole,
    spaceId: resource.row.spaceId,
    siteId: resource.siteId,
    retiredAt: resource.retiredAt,
  }
}

/** SQL: the resources this caller keeps (owner or approver by name, spaces by the supervisor role). */
export function keptResources(caller: Pick<Principal, 'userId' | 'roles'>): SQL {
  const spacesToo = caller.roles.includes(spaceApproverRole) ? sql`${accessResources.kind} = 'space'` : sql`0`
  return sql`(${spacesToo} OR ${accessResources.id} IN (SELECT ${accessResourceMembers.resourceId} FROM ${accessResourceMembers} WHERE ${accessResourceMembers.userId} = ${caller.userId}))`
}
