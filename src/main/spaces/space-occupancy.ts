import { and, desc, inArray } from 'drizzle-orm'
import type { SpaceOccupancy } from '../../shared/domain/space-availability'
import { mayHoldPeopleStates } from '../../shared/domain/permit-lifecycle'
import type { Db } from '../db/database'
import { permits } from '../db/schema'
import { insideByPermit } from '../entries/presence'

/**
 * Who is inside each space and which permit is open on it, from the entry log and the permits,
 * never from a hand-set field. Closed and cancelled permits hold nobody: closing needs everyone
 * out, and a mistaken exit cannot be corrected on them. The permit shown is the one with people
 * inside, else the newest open one.
 */
export function occupancyOf(db: Db, spaceIds: readonly number[]): Map<number, SpaceOccupancy> {
  const result = new Map<number, SpaceOccupancy>()
  if (spaceIds.length === 0) return result
  const rows = db
    .select({ id: permits.id, spaceId: permits.spaceId, number: permits.number, state: permits.state })
    .from(permits)
    .where(and(inArray(permits.spaceId, [...spaceIds]), inArray(permits.state, [...mayHoldPeopleStates])))
    .orderBy(desc(permits.id))
    .all()
  const inside = insideByPermit(
    db,
    rows.map((row) => row.id),
  )
  const headcountOf = (permitId: number) => inside.get(permitId)?.length ?? 0
  for (const spaceId of spaceIds) {
    const open = rows.filter((row) => row.spaceId === spaceId)
    const shown = open.find((row) => headcountOf(row.id) > 0) ?? open[0] ?? null
    result.set(spaceId, {
      headcount: open.reduce((sum, row) => sum + headcountOf(row.id), 0),
      permit: shown && { id: shown.id, number: shown.number, state: shown.state },
    })
  }
  return result
}
