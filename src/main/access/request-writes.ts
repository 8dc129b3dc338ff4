import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { accessApprovals, accessGrants, accessRequests } from '../db/schema'
import type { GrantRow } from './grant-repository'
import type { ApprovalRow, RequestRow } from './request-views'

/** The writes of filing and deciding, prepared once: they run on every request an approver decides. */

const insertRequest = preparedQuery((db) =>
  db
    .insert(accessRequests)
    .values({
      requesterId: sql.placeholder('requesterId'),
      filedById: sql.placeholder('filedById'),
      resourceId: sql.placeholder('resourceId'),
      level: sql.placeholder('level'),
      justification: sql.placeholder('justification'),
      startsAt: sql.placeholder('startsAt'),
      durationHours: sql.placeholder('durationHours'),
      permitId: sql.placeholder('permitId'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('updatedAt'),
      expiresAt: sql.placeholder('expiresAt'),
    })
    .returning()
    .prepare(),
)

export type NewRequest = Pick<
  RequestRow,
  | 'requesterId'
  | 'filedById'
  | 'resourceId'
  | 'level'
  | 'justification'
  | 'startsAt'
  | 'durationHours'
  | 'permitId'
  | 'createdAt'
  | 'updatedAt'
  | 'expiresAt'
>

export const addRequest = (tx: Db, request: NewRequest): RequestRow => insertRequest(tx).get(request)

const insertApproval = preparedQuery((db) =>
  db
    .insert(accessApprovals)
    .values({
      requestId: sql.placeholder('requestId'),
      approverId: sql.placeholder('approverId'),
      decision: sql.placeholder('decision'),
      comment: sql.placeholder('comment'),
      grantedUntil: sql.placeholder('grantedUntil'),
      at: sql.placeholder('at'),
    })
    .prepare(),
)

/** Every column but the id, none optional: a prepared insert needs a value for each placeholder. */
export const addApproval = (tx: Db, approval: Omit<ApprovalRow, 'id'>): void => {
  insertApproval(tx).run(approval)
}

const settleRequest = preparedQuery((db) =>
  db
    .update(accessRequests)
    .set({
      status: sql`${sql.placeholder('status')}`,
      statusReason: sql`${sql.placeholder('statusReason')}`,
      decidedAt: sql`${sql.placeholder('at')}`,
      updatedAt: sql`${sql.placeholder('at')}`,
    })
    .where(eq(accessRequests.id, sql.placeholder('id')))
    .returning()
    .prepare(),
)

/** A request's final state: approved or denied (with the denial's reason), now. */
export const settle = (
  tx: Db,
  id: number,
  outcome: { status: 'approved' | 'denied'; statusReason: string | null; at: number },
): RequestRow => settleRequest(tx).get({ id, ...outcome })

const insertGrant = preparedQuery((db) =>
  db
    .insert(accessGrants)
    .values({
      userId: sql.placeholder('userId'),
      resourceId: sql.placeholder('resourceId'),
      level: sql.placeholder('level'),
      requestId: sql.placeholder('requestId'),
      permitId: sql.placeholder('permitId'),
      validFrom: sql.placeholder('validFrom'),
      validTo: sql.placeholder('validTo'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ id: accessGrants.id })
    .prepare(),
)

export type NewGrant = Pick<
  GrantRow,
  'userId' | 'resourceId' | 'level' | 'requestId' | 'permitId' | 'validFrom' | 'validTo' | 'createdAt'
>

export const addGrant = (tx: Db, grant: NewGrant): number => insertGrant(tx).get(grant).id
