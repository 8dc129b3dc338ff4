import { and, desc, eq, gt, gte, inArray, isNotNull, max, sql } from 'drizzle-orm'
import type { AtmosphericTest } from '../../shared/domain/atmosphere'
import { clockSkewToleranceMs, decisiveTest } from '../../shared/domain/decisive-test'
import type { RecordedTest, Resumption } from '../../shared/domain/decisive-test'
import type { Db } from '../db/database'
import { gasReadings } from '../db/schema'
import { conditionsOf } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'

export type GasReadingRow = typeof gasReadings.$inferSelect

const testKinds = ['pre_entry', 'periodic'] as const

/** When a reading counts: never later than the moment it was recorded (see countsAsOf). */
const countsAsOf = sql<number>`min(${gasReadings.takenAt}, ${gasReadings.recordedAt})`

/** The newest reading id: a resumption remembers it, so only tests committed after it count. */
export const lastReadingId = (db: Db): number =>
  db
    .select({ id: max(gasReadings.id) })
    .from(gasReadings)
    .get()?.id ?? 0

export function resumptionOf(permit: PermitRow): Resumption | null {
  return permit.resumedAt === null ? null : { at: permit.resumedAt, lastSeqBefore: permit.resumedAfterReadingId ?? 0 }
}

/**
 * The complete tests of a permit that can decide entry: taken after the last resumption, and
 * within the clock-skew tolerance of the newest such test. Bounded: tests are minutes apart.
 */
function testsThatMayDecide(db: Db, permitId: number, resumption: Resumption | null): RecordedTest[] {
  const where = and(
    eq(gasReadings.permitId, permitId),
    inArray(gasReadings.kind, [...testKinds]),
    isNotNull(gasReadings.o2),
    isNotNull(gasReadings.lel),
    isNotNull(gasReadings.h2s),
    isNotNull(gasReadings.co),
    resumption === null ? undefined : gt(gasReadings.id, resumption.lastSeqBefore),
    resumption === null ? undefined : gte(countsAsOf, resumption.at),
  )
  const newest = db
    .select({ at: sql<number | null>`max(${countsAsOf})` })
    .from(gasReadings)
    .where(where)
    .get()?.at
  if (newest === null || newest === undefined) return []
  return db
    .select()
    .from(gasReadings)
    .where(and(where, gte(countsAsOf, newest - clockSkewToleranceMs)))
    .orderBy(desc(gasReadings.id))
    .limit(100)
    .all()
    .flatMap((row) => {
      const test = toAtmosphericTest(row)
      return test ? [{ seq: row.id, takenAt: row.takenAt, recordedAt: row.recordedAt, values: test.values }] : []
    })
}

/** The test entry decisions and the board judge by (decisiveTest), counting only tests after the last resumption. */
export function decisiveTestOf(db: Db, permit: PermitRow): AtmosphericTest | null {
  const resumption = resumptionOf(permit)
  return decisiveTest(testsThatMayDecide(db, permit.id, resumption), conditionsOf(permit), resumption)
}

function toAtmosphericTest(row: GasReadingRow): AtmosphericTest | null {
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
