import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { HandoverReportDto } from '../../shared/contract/handover'
import type { Db } from '../db/database'
import { exposureExceedances } from '../exposure/exposure-service'
import { permitTimeline, permits, spaces, users } from '../db/schema'
import { attendantsOf } from '../permits/permit-repository'
import { buildCards, toAttendantDto } from '../permits/permit-views'

const hours = 60 * 60_000
const currentStates = ['authorized', 'active', 'suspended', 'expired'] as const

/** Permits waiting for an authorizer: who prepared each, and since when it has waited (its latest submission). */
function pendingAuthorization(db: Db, siteId: number | undefined): HandoverReportDto['pendingAuthorization'] {
  const rows = db
    .select({ permit: permits, spaceTag: spaces.tag, spaceName: spaces.name, preparedBy: users.displayName })
    .from(permits)
    .innerJoin(spaces, eq(spaces.id, permits.spaceId))
    .innerJoin(users, eq(users.id, permits.createdById))
    .where(
      and(eq(permits.state, 'pending_authorization'), siteId === undefined ? undefined : eq(permits.siteId, siteId)),
    )
    .all()
  const since = (permitId: number, fallback: number) =>
    db
      .select({ at: permitTimeline.at })
      .from(permitTimeline)
      .where(and(eq(permitTimeline.permitId, permitId), eq(permitTimeline.toState, 'pending_authorization')))
      .orderBy(desc(permitTimeline.at), desc(permitTimeline.id))
      .get()?.at ?? fallback
  return rows
    .map((r) => ({
      permitId: r.permit.id,
      permitNumber: r.permit.number,
      spaceTag: r.spaceTag,
      spaceName: r.spaceName,
      preparedBy: r.preparedBy,
      since: since(r.permit.id, r.permit.updatedAt),
    }))
    .sort((a, b) => a.since - b.since || a.permitId - b.permitId)
}

/** The report as of `now`: what the incoming supervisor takes over. */
export function draftHandover(db: Db, now: number, siteId: number | undefined, shiftHours: number): HandoverReportDto {
  const rows = db
    .select()
    .from(permits)
    .where(
      and(inArray(permits.state, [...currentStates]), siteId === undefined ? undefined : eq(permits.siteId, siteId)),
    )
    .orderBy(asc(permits.validTo), asc(permits.id))
    .all()
  const cards = buildCards(db, rows, now)
  const numbers = new Map(rows.map((p) => [p.id, p.number]))
  return {
    at: now,
    siteId: siteId ?? null,
    shiftHours,
    activePermits: cards,
    attendants: attendantsOf(
      db,
      rows.map((p) => p.id),
    )
      .filter((a) => a.assignment.status !== 'relieved')
      .map((a) => ({
        ...toAttendantDto(a.assignment, a.fullName),
        permitNumber: numbers.get(a.assignment.permitId) ?? '',
      })),
    // Named by space too: the control room thinks in tanks and pits, not permit numbers.
    openAlarms: cards.flatMap((card) =>
      card.alarms.map((alarm) => ({
        permitNumber: card.number,
        spaceTag: card.spaceTag,
        spaceName: card.spaceName,
        alarm,
      })),
    ),
    // Soonest first: rows are already ordered by end of validity.
    expiringNextShift: rows
      .filter((p) => p.validTo > now && p.validTo <= now + shiftHours * hours)
      .map((p) => ({ permitId: p.id, permitNumber: p.number, validTo: p.validTo })),
    pendingAuthorization: pendingAuthorization(db, siteId),
    peopleInside: cards.reduce((sum, card) => sum + card.inside.length, 0),
    exposureExceedances: exposureExceedances(db, siteId, { from: now - shiftHours * hours, to: now + 1 }, now),
  }
}
