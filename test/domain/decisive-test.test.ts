import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateReading } from '../../src/shared/domain/atmosphere'
import { clockSkewToleranceMs, countsAsOf, decisiveTest } from '../../src/shared/domain/decisive-test'
import type { RecordedTest } from '../../src/shared/domain/decisive-test'
import type { GasValues } from '../../src/shared/domain/gases'
import { defaultConditionsFor, limitProfiles } from '../../src/shared/domain/limit-profiles'

const conditions = defaultConditionsFor(limitProfiles.factory)
const now = 1_750_000_000_000
const second = 1000
const good = { o2: 20.9, lel: 0, h2s: 0, co: 1 }
const bad = { o2: 20.9, lel: 15, h2s: 0, co: 1 }
const passes = (test: { values: GasValues }) => evaluateReading(test.values, conditions).every((e) => e.pass)

/** Tests in commit order: seq follows the array. */
const committed = (...tests: Omit<RecordedTest, 'seq'>[]): RecordedTest[] =>
  tests.map((test, index) => ({ ...test, seq: index + 1 }))

describe('the test that decides entry', () => {
  it('is the failing test when a passing one was stamped 20 s ahead and recorded first (issue 6, item 2)', () => {
    const tests = committed(
      { takenAt: now + 20 * second, recordedAt: now, values: good },
      { takenAt: now + 1 * second, recordedAt: now + 1 * second, values: bad },
    )
    expect(decisiveTest(tests, conditions, null)).toEqual({ takenAt: now + 1 * second, values: bad })
  })

  it('counts a reading as of the moment it was recorded at the latest', () => {
    const tests = committed({ takenAt: now + 90 * second, recordedAt: now, values: good })
    expect(decisiveTest(tests, conditions, null)?.takenAt).toBe(now)
  })

  it('lets a later passing re-test count once the failing one is further back than clocks can blur', () => {
    const failing = { takenAt: now, recordedAt: now, values: bad }
    const blurred = { takenAt: now + clockSkewToleranceMs, recordedAt: now + clockSkewToleranceMs, values: good }
    expect(decisiveTest(committed(failing, blurred), conditions, null)?.values).toEqual(bad)
    const later = { ...blurred, takenAt: blurred.takenAt + 1, recordedAt: blurred.recordedAt + 1 }
    expect(decisiveTest(committed(failing, later), conditions, null)?.values).toEqual(good)
  })

  it('after a resumption, counts only tests committed after it and not stamped before it', () => {
    const [before, stampedEarly, sameInstant] = committed(
      { takenAt: now, recordedAt: now, values: good },
      { takenAt: now - second, recordedAt: now + 5 * second, values: good },
      { takenAt: now, recordedAt: now, values: good },
    )
    if (!before || !stampedEarly || !sameInstant) throw new Error('three tests')
    // Resumed at `now`, after the first test was committed (in the same millisecond).
    const resumption = { at: now, lastSeqBefore: 1 }
    expect(decisiveTest([before], conditions, resumption)).toBeNull()
    expect(decisiveTest([before, stampedEarly], conditions, resumption)).toBeNull()
    expect(decisiveTest([before, stampedEarly, sameInstant], conditions, resumption)).toEqual({
      takenAt: now,
      values: good,
    })
  })

  it('never lets a passing test hide a failing one that clocks cannot order from the newest', () => {
    const testArb = fc.record({
      takenAt: fc.integer({ min: now - 10 * 60 * second, max: now + 2 * 60 * second }),
      recordedAt: fc.integer({ min: now - 10 * 60 * second, max: now }),
      values: fc.constantFrom(good, bad),
    })
    fc.assert(
      fc.property(fc.array(testArb, { maxLength: 8 }), (drafts) => {
        const tests = committed(...drafts)
        const chosen = decisiveTest(tests, conditions, null)
        if (tests.length === 0) {
          expect(chosen).toBeNull()
          return
        }
        const newest = Math.max(...tests.map(countsAsOf))
        const blurred = tests.filter((t) => countsAsOf(t) >= newest - clockSkewToleranceMs)
        expect(chosen).not.toBeNull()
        expect(chosen && passes(chosen)).toBe(blurred.every(passes))
        expect(chosen?.takenAt).toBeGreaterThanOrEqual(newest - clockSkewToleranceMs)
      }),
      { numRuns: 2000 },
    )
  })
})
