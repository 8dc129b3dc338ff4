import { evaluateReading, type AtmosphericTest } from './atmosphere'
import type { GasValues } from './gases'
import type { AcceptableConditions } from './limit-profiles'

/**
 * How far instrument and workstation clocks may disagree. A reading stamped further ahead than
 * this is refused; two readings closer than this cannot be put in order by their stamps.
 */
export const clockSkewToleranceMs = 2 * 60_000

/** A complete test as stored: commit order, the instrument's stamp and when Gatehouse recorded it. */
export interface RecordedTest {
  /** Increases with every reading committed (the row id), so order holds even within one millisecond. */
  seq: number
  takenAt: number
  recordedAt: number
  values: GasValues
}

/** A permit's last resumption: when, and the last reading committed before it. */
export interface Resumption {
  at: number
  lastSeqBefore: number
}

/** A reading never counts as newer than the moment it was recorded. */
export const countsAsOf = (test: Pick<RecordedTest, 'takenAt' | 'recordedAt'>): number =>
  Math.min(test.takenAt, test.recordedAt)

const passes = (values: GasValues, conditions: AcceptableConditions) =>
  evaluateReading(values, conditions).every((evaluation) => evaluation.pass)

/**
 * 1926.1205(e)(2): after a suspension only a test taken after the resumption counts: committed
 * after it, and not stamped before it.
 */
export const takenAfter = (test: RecordedTest, resumption: Resumption | null): boolean =>
  resumption === null || (test.seq > resumption.lastSeqBefore && countsAsOf(test) >= resumption.at)

/**
 * The test that judges the atmosphere for entry, or null when none counts.
 * - Only tests taken after the permit's last resumption count (takenAfter).
 * - Each test counts as of min(stamp, recorded), so a stamp ahead of the clock cannot outrank a
 *   later test.
 * - Among the tests within the clock-skew tolerance of the newest, a failing one prevails (the
 *   newest failing one), so a good reading never hides a bad one that clocks cannot order.
 * The returned test's takenAt is its counting time, which is what its age is measured from.
 */
export function decisiveTest(
  tests: readonly RecordedTest[],
  conditions: AcceptableConditions,
  resumption: Resumption | null,
): AtmosphericTest | null {
  const eligible = tests
    .filter((test) => takenAfter(test, resumption))
    .map((test) => ({ at: countsAsOf(test), values: test.values }))
  if (eligible.length === 0) return null
  const newest = Math.max(...eligible.map((test) => test.at))
  const unordered = eligible.filter((test) => test.at >= newest - clockSkewToleranceMs)
  const failing = unordered.filter((test) => !passes(test.values, conditions))
  const pool = failing.length > 0 ? failing : unordered
  const chosen = pool.reduce((best, test) => (test.at > best.at ? test : best))
  return { takenAt: chosen.at, values: chosen.values }
}
