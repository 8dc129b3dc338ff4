import { and, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import type { GrantDto } from '../../shared/contract/access'
import type { Db } from '../db/database'
import { anyOf, jsonList, preparedQuery } from '../db/prepared-query'
import { accessGrants, accessRequests } from '../db/schema'
import { findResources, nameOf } from './resource-repository'

export type GrantRow = typeof accessGrants.$inferSelect
export type GrantEndReason = NonNullable<GrantRow['endReason']>

/** It counts now: started, not at its end, not ended early. */
export const isActiveGrant = (row: GrantRow, now: number) =>
  row.endedAt === null && row.validFrom <= now && now < row.validTo

const overlappingGrant = preparedQuery((db) =>
  db
    .select()
    .from(accessGrants)
    .where(
      and(
        eq(accessGrants.userId, sql.placeholder('userId')),
        eq(accessGrants.resourceId, sql.placeholder('resourceId')),
        eq(accessGrants.level, sql.placeholder('level')),
        isNull(accessGrants.endedAt),
        gt(accessGrants.validTo, sql.placeholder('from')),
        lt(accessGrants.validFrom, sql.placeholder('to')),
      ),
    )
    .prepare(),
)

/** A grant not ended that covers any part of the period [from, to): a new request for it would duplicate it. */
export function overlappingGrantOf(
  db: Db,
  who: { userId: number; resourceId: number; level: string },
  from: number,
  to: number,
): GrantRow | undefined {
  return overlappingGrant(db).get({ userId: who.userId, resourceId: who.resourceId, level: who.level, from, to })
}

/** Not ended and not yet at its end: active now, or starting later. */
export const currentGrantOf = (db: Db, who: { userId: number; resourceId: number; level: string }, now: number) =>
  overlappingGrantOf(db, who, now, Number.MAX_SAFE_INTEGER)

/** Whether the person holds an active grant on this resource at this level now. */
export function holdsGrant(db: Db, who: { userId: number; resourceId: number; level: string }, now: number): boolean {
  const grant = currentGrantOf(db, who, now)
  return grant !== undefined && grant.validFrom <= now
}

export function findGrant(db: Db, id: number): GrantRow | undefined {
  return db.select().from(accessGrants).where(eq(accessGrants.id, id)).get()
}

/** Ends a grant now (or at its own end, when expiring), recording why and by whom. */
export function endGrant(
  tx: Db,
  grant: GrantRow,
  end: { at: number; reason: GrantEndReason; note: string; byId: number | null },
): GrantRow {
  return tx
    .update(accessGrants)
    .set({ endedAt: end.at, endReason: end.reason, endNote: end.note, endedById: end.byId })
    .where(eq(accessGrants.id, grant.id))
    .returning()
    .get()
}

/** Grants not ended whose end has come. */
export const grantsDueToExpire = (db: Db, now: number, limit: number) =>
  db
    .select()
    .from(accessGrants)
    .where(and(isNull(accessGrants.endedAt), lte(accessGrants.validTo, now)))
    .limit(limit)
    .all()

/** Grants linked to a permit that are not ended yet. */
export const openGrantsOfPermit = (db: Db, permitId: number) =>
  db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.permitId, permitId), isNull(accessGrants.endedAt)))
    .all()

const justificationsById = preparedQuery((db) =>
  db
    .select({ id: accessRequests.id, justification: accessRequests.justification })
    .from(accessRequests)
    .where(inArray(accessRequests.id, anyOf('ids')))
    .prepare(),
)

export function grantDtos(db: Db, rows: GrantRow[], now: number): GrantDto[] {
  const names = nameOf(
    db,
    rows.flatMap((r) => (r.endedById === null ? [r.userId] : [r.userId, r.endedById])),
  )
  const requestIds = rows.flatMap((r) => (r.requestId === null ? [] : [r.requestId]))
  const justifications = new Map(
    requestIds.length === 0
      ? []
      : justificationsById(db)
          .all({ ids: jsonList(requestIds) })
          .map((r) => [r.id, r.justification]),
  )
  const found = findResources(
    db,
    rows.map((r) => r.resourceId),
  )
  return rows.map((row) => ({
    id: row.id,
    holder: { id: row.userId, name: names.get(row.userId) ?? '' },
    resource: {
      id: row.resourceId,
      key: found.get(row.resourceId)?.key ?? '',
      name: found.get(row.resourceId)?.name ?? '',
    },
    level: row.level,
    validFrom: row.validFrom,
    validTo: row.validTo,
    requestId: row.requestId,
    permitId: row.permitId,
    active: isActiveGrant(row, now),
    endedAt: row.endedAt,
    endReason: row.endReason,
    endNote: row.endNote,
    endedBy: row.endedById === null ? (row.endReason === null ? null : 'system') : (names.get(row.endedById) ?? ''),
    justification: row.requestId === null ? '' : (justifications.get(row.requestId) ?? ''),
    lastUsedAt: row.lastUsedAt,
  }))
}
