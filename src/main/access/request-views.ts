import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { RequestDto } from '../../shared/contract/access'
import type { Db } from '../db/database'
import { accessApprovals, accessGrants, accessRequests, permits } from '../db/schema'
import { notFound } from '../core/domain-error'
import { anyOf, jsonList, preparedQuery } from '../db/prepared-query'
import { findResources, nameOf } from './resource-repository'

export type RequestRow = typeof accessRequests.$inferSelect
export type ApprovalRow = typeof accessApprovals.$inferSelect

const requestById = preparedQuery((db) =>
  db
    .select()
    .from(accessRequests)
    .where(eq(accessRequests.id, sql.placeholder('id')))
    .prepare(),
)

export function requireRequest(db: Db, id: number): RequestRow {
  const row = requestById(db).get({ id })
  if (!row) throw notFound(`There is no access request with id ${id}.`)
  return row
}

const approvalsByRequests = preparedQuery((db) =>
  db
    .select()
    .from(accessApprovals)
    .where(inArray(accessApprovals.requestId, anyOf('ids')))
    .orderBy(asc(accessApprovals.id))
    .prepare(),
)

export const approvalsOf = (db: Db, requestId: number): ApprovalRow[] =>
  approvalsByRequests(db).all({ ids: jsonList([requestId]) })

const grantsByRequests = preparedQuery((db) =>
  db
    .select({ id: accessGrants.id, requestId: accessGrants.requestId })
    .from(accessGrants)
    .where(inArray(accessGrants.requestId, anyOf('ids')))
    .prepare(),
)

const permitsById = preparedQuery((db) =>
  db
    .select({
      id: permits.id,
      number: permits.number,
      state: permits.state,
      validFrom: permits.validFrom,
      validTo: permits.validTo,
    })
    .from(permits)
    .where(inArray(permits.id, anyOf('ids')))
    .prepare(),
)

/** The wire shape of a page of requests, with their people, resources, permits and approvals read in a few queries. */
export function requestDtos(db: Db, rows: RequestRow[]): RequestDto[] {
  if (rows.length === 0) return []
  const ids = jsonList(rows.map((r) => r.id))
  const approvals = approvalsByRequests(db).all({ ids })
  const grants = grantsByRequests(db).all({ ids })
  const permitIds = rows.flatMap((r) => (r.permitId === null ? [] : [r.permitId]))
  const linked = new Map(
    permitIds.length === 0
      ? []
      : permitsById(db)
          .all({ ids: jsonList(permitIds) })
          .map((p) => [p.id, p]),
  )
  const names = nameOf(db, [
    ...rows.flatMap((r) => (r.filedById === null ? [r.requesterId] : [r.requesterId, r.filedById])),
    ...approvals.map((a) => a.approverId),
  ])
  const resources = findResources(
    db,
    rows.map((r) => r.resourceId),
  )
  const person = (id: number) => ({ id, name: names.get(id) ?? '' })
  return rows.map((row) => {
    const resource = resources.get(row.resourceId)
    return {
      id: row.id,
      requester: person(row.requesterId),
      filedBy: row.filedById === null ? null : person(row.filedById),
      resource: {
        id: row.resourceId,
        key: resource?.key ?? '',
        name: resource?.name ?? '',
        riskTier: resource?.row.riskTier ?? 'standard',
      },
      level: row.level,
      status: row.status,
      statusReason: row.statusReason,
      justification: row.justification,
      startsAt: row.startsAt,
      durationHours: row.durationHours,
      permit: row.permitId === null ? null : (linked.get(row.permitId) ?? null),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      expiresAt: row.expiresAt,
      decidedAt: row.decidedAt,
      approvals: approvals
        .filter((a) => a.requestId === row.id)
        .map((a) => ({
          approver: person(a.approverId),
          decision: a.decision,
          comment: a.comment,
          grantedUntil: a.grantedUntil,
          at: a.at,
        })),
      approvalsNeeded: resource?.approvalsNeeded ?? 1,
      grantId: grants.find((g) => g.requestId === row.id)?.id ?? null,
    }
  })
}

export const requestDto = (db: Db, row: RequestRow): RequestDto => requestDtos(db, [row])[0] as RequestDto
