import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../db/database'
import { evacuationRollCall, evacuations } from '../db/schema'

export interface OpenEvacuation {
  evacuationId: number
  orderedAt: number
  reason: string
  stillInside: string[]
}

/**
 * The running evacuation touching each permit, with who has not come out yet. When orders
 * overlap (one for the permit, then one for every space), each person is listed once.
 */
export function openEvacuationsByPermit(db: Db, permitIds: readonly number[]): Map<number, OpenEvacuation> {
  const result = new Map<number, OpenEvacuation>()
  if (permitIds.length === 0) return result
  const rows = db
    .select({ call: evacuationRollCall, evacuation: evacuations })
    .from(evacuationRollCall)
    .innerJoin(evacuations, eq(evacuations.id, evacuationRollCall.evacuationId))
    .where(and(isNull(evacuations.clearedAt), inArray(evacuationRollCall.permitId, [...permitIds])))
    .orderBy(asc(evacuationRollCall.id))
    .all()
  const listed = new Set<string>()
  for (const { call, evacuation } of rows) {
    const open = result.get(call.permitId) ?? {
      evacuationId: evacuation.id,
      orderedAt: evacuation.orderedAt,
      reason: evacuation.reason,
      stillInside: [],
    }
    const key = `${call.permitId}|${call.personKey}`
    if (call.exitedAt === null && !listed.has(key)) {
      listed.add(key)
      open.stillInside.push(call.personName)
    }
    result.set(call.permitId, open)
  }
  return result
}

export const openEvacuations = (db: Db) =>
  db.select().from(evacuations).where(isNull(evacuations.clearedAt)).orderBy(asc(evacuations.orderedAt)).all()

export const rollCallOf = (db: Db, evacuationId: number) =>
  db
    .select()
    .from(evacuationRollCall)
    .where(eq(evacuationRollCall.evacuationId, evacuationId))
    .orderBy(asc(evacuationRollCall.id))
    .all()
