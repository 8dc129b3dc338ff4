import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { AcceptableConditions } from '../../shared/domain/limit-profiles'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import { notFound } from '../core/domain-error'
import type { Db } from '../db/database'
import { attendantAssignments, permitCounters, permitEntrants, permits, permitTimeline, users } from '../db/schema'

export type PermitRow = typeof permits.$inferSelect
export type AttendantRow = typeof attendantAssignments.$inferSelect

export const findPermit = (db: Db, id: number): PermitRow | undefined =>
  db.select().from(permits).where(eq(permits.id, id)).get()

export function requirePermit(db: Db, id: number): PermitRow {
  const permit = findPermit(db, id)
  if (!permit) throw notFound(`There is no permit with id ${id}.`)
  return permit
}

export const conditionsOf = (permit: PermitRow): AcceptableConditions => ({
  o2Min: permit.o2Min,
  o2Max: permit.o2Max,
  lelMax: permit.lelMax,
  h2sMax: permit.h2sMax,
  coMax: permit.coMax,
})

/** CSE-2026-0042: the next number of this site and year, taken inside the caller's transaction. */
export function nextPermitNumber(tx: Db, siteId: number, year: number): string {
  const key = `${siteId}:${year}`
  const row = tx
    .insert(permitCounters)
    .values({ key, last: 1 })
    .onConflictDoUpdate({ target: permitCounters.key, set: { last: sql`${permitCounters.last} + 1` } })
    .returning()
    .get()
  return `CSE-${year}-${String(row.last).padStart(4, '0')}`
}

export const entrantsOf = (db: Db, permitId: number) =>
  db.select().from(permitEntrants).where(eq(permitEntrants.permitId, permitId)).orderBy(asc(permitEntrants.id)).all()

export function attendantsOf(db: Db, permitIds: readonly number[]) {
  if (permitIds.length === 0) return []
  return db
    .select({ assignment: attendantAssignments, fullName: users.displayName })
    .from(attendantAssignments)
    .innerJoin(users, eq(users.id, attendantAssignments.userId))
    .where(inArray(attendantAssignments.permitId, [...permitIds]))
    .orderBy(asc(attendantAssignments.shiftStart), asc(attendantAssignments.id))
    .all()
}

/** On duty: marked so, and their shift has not ended. */
export const isOnDuty = (assignment: AttendantRow, now: number) =>
  assignment.status === 'on_duty' && assignment.shiftEnd > now

export const timelineOf = (db: Db, permitId: number) =>
  db
    .select()
    .from(permitTimeline)
    .where(eq(permitTimeline.permitId, permitId))
    .orderBy(desc(permitTimeline.at), desc(permitTimeline.id))
    .all()

export function addTimeline(
  tx: Db,
  entry: {
    permitId: number
    actor: Actor
    at: number
    kind: string
    fromState?: PermitState
    toState?: PermitState
    note?: string
  },
): void {
  // The timeline is read by people: it names them as colleagues know them, not by username.
  const displayName =
    entry.actor.id === null
      ? entry.actor.name
      : (tx.select({ name: users.displayName }).from(users).where(eq(users.id, entry.actor.id)).get()?.name ??
        entry.actor.name)
  tx.insert(permitTimeline)
    .values({
      permitId: entry.permitId,
      at: entry.at,
      actorId: entry.actor.id,
      actorName: displayName,
      kind: entry.kind,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? '',
    })
    .run()
}

/** Changes state and bumps the version; the caller has checked the transition is allowed. */
export function setPermitState(
  tx: Db,
  permit: PermitRow,
  state: PermitState,
  now: number,
  extra: Partial<PermitRow> = {},
) {
  tx.update(permits)
    .set({ ...extra, state, updatedAt: now, version: permit.version + 1 })
    .where(eq(permits.id, permit.id))
    .run()
}
