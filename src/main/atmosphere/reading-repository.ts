import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { AtmosphericTest } from '../../shared/domain/atmosphere'
import type { Db } from '../db/database'
import { gasReadings } from '../db/schema'

export type GasReadingRow = typeof gasReadings.$inferSelect

const testKinds = ['pre_entry', 'periodic'] as const

/** The latest test with all four gases: the one entry decisions and the board judge by. */
export function latestCompleteTest(db: Db, permitId: number): AtmosphericTest | null {
  const row = db
    .select()
    .from(gasReadings)
    .where(
      and(
        eq(gasReadings.permitId, permitId),
        inArray(gasReadings.kind, [...testKinds]),
        isNotNull(gasReadings.o2),
        isNotNull(gasReadings.lel),
        isNotNull(gasReadings.h2s),
        isNotNull(gasReadings.co),
      ),
    )
    .orderBy(desc(gasReadings.takenAt), desc(gasReadings.id))
    .limit(1)
    .get()
  return row ? toAtmosphericTest(row) : null
}

export function toAtmosphericTest(row: GasReadingRow): AtmosphericTest | null {
  const { o2, lel, h2s, co } = row
  if (o2 === null || lel === null || h2s === null || co === null) return null
  return { takenAt: row.takenAt, values: { o2, lel, h2s, co } }
}

export const testsOfPermit = (db: Db, permitId: number, limit = 200): GasReadingRow[] =>
  db
    .select()
    .from(gasReadings)
    .where(and(eq(gasReadings.permitId, permitId), inArray(gasReadings.kind, [...testKinds])))
    .orderBy(desc(gasReadings.takenAt), desc(gasReadings.id))
    .limit(limit)
    .all()
