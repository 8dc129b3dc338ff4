import { and, asc, desc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm'
import type { AcceptableConditions } from '../../shared/domain/limit-profiles'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import { notFound } from '../core/domain-error'
import { namedPersonKey } from './person-key'
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

/**
 * CSE-NORTH-2026-0042: the next number of this site code and year, taken inside the caller's
 * transaction. The site code makes numbers unique across the installation and readable over a
 * radio; the counter follows the code (not the site row), and a number already issued, under
 * any site, is skipped, so no two permits ever share one. Numbers issued before site codes were
 * part of them (CSE-2026-0001) stay as they are.
 */
export function nextPermitNumber(tx: Db, siteCode: string, year: number): string {
  const key = `${siteCode}:${year}`
  for (;;) {
    const row = tx
      .insert(permitCounters)
      .values({ key, last: 1 })
      .onConflictDoUpdate({ target: permitCounters.key, set: { last: sql`${permitCounters.last} + 1` } })
      .returning()
      .get()
    const number = `CSE-${siteCode}-${year}-${String(row.last).padStart(4, '0')}`
    if (!tx.select({ id: permits.id }).from(permits).where(eq(permits.number, number)).get()) return number
  }
}

export const entrantsOf = (db: Db, permitId: number) =>
  db.select().from(permitEntrants).where(eq(permitEntrants.permitId, permitId)).orderBy(asc(permitEntrants.id)).all()

export function attendantsOf(db: Db, permitIds: readonly number[]) {
  if (permitIds.length === 0) return []
  return db
    .select({ assignment: attendantAssignments, fullName: users.displayName, accountActive: users.active })
    .from(attendantAssignments)
    .innerJoin(users, eq(users.id, attendantAssignments.userId))
    .where(inArray(attendantAssignments.permitId, [...permitIds]))
    .orderBy(asc(attendantAssignments.shiftStart), asc(attendantAssignments.id))
    .all()
}

/** On duty: marked so, and their shift has not ended. */
export const isOnDuty = (assignment: AttendantRow, now: number) =>
  assignment.status === 'on_duty' && assignment.shiftEnd > now

/** Who keeps watch: on duty, and their account still active (a deactivated account watches nobody). */
export const keepsWatch = (attendant: { assignment: AttendantRow; accountActive: boolean }, now: number) =>
  attendant.accountActive && isOnDuty(attendant.assignment, now)

/** Numbers of the live permits on which this account is an attendant on duty right now. */
export function permitsWatchedBy(db: Db, userId: number, now: number): string[] {
  return db
    .select({ number: permits.number })
    .from(attendantAssignments)
    .innerJoin(permits, eq(permits.id, attendantAssignments.permitId))
    .where(
      and(
        eq(attendantAssignments.userId, userId),
        eq(attendantAssignments.status, 'on_duty'),
        gt(attendantAssignments.shiftEnd, now),
        notInArray(permits.state, ['closed', 'cancelled']),
      ),
    )
    .orderBy(asc(permits.number))
    .all()
    .map((row) => row.number)
}

/**
 * Accounts on duty as attendants (on any live permit) whose name is this name, as a named entrant
 * is keyed (trimmed, spaces collapsed, any case): a person entering under a name is still the
 * attendant on duty when that is who they are.
 */
export function attendantsOnDutyNamed(db: Db, name: string, now: number): { userId: number; numbers: string[] }[] {
  const key = namedPersonKey(name)
  const rows = db
    .select({ userId: attendantAssignments.userId, displayName: users.displayName, number: permits.number })
    .from(attendantAssignments)
    .innerJoin(users, eq(users.id, attendantAssignments.userId))
    .innerJoin(permits, eq(permits.id, attendantAssignments.permitId))
    .where(
      and(
        eq(attendantAssignments.status, 'on_duty'),
        gt(attendantAssignments.shiftEnd, now),
        notInArray(permits.state, ['closed', 'cancelled']),
      ),
    )
    .all()
    .filter((row) => namedPersonKey(row.displayName) === key)
  const byUser = new Map<number, string[]>()
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.number])
  return [...byUser].map(([userId, numbers]) => ({ userId, numbers: numbers.sort() }))
}

/** When a permit ends, so does its attendants' duty: nobody stays "on duty" for a closed permit. */
export function endDutyOf(tx: Db, permitId: number, now: number): string[] {
  const ending = attendantsOf(tx, [permitId]).filter((a) => a.assignment.status !== 'relieved')
  if (ending.length === 0) return []
  tx.update(attendantAssignments)
    .set({ status: 'relieved', updatedAt: now })
    .where(
      inArray(
        attendantAssignments.id,
        ending.map((a) => a.assignment.id),
      ),
    )
    .run()
  return ending.map((a) => a.fullName)
}

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
