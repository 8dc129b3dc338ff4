import fc from 'fast-check'
import type { EntrySituation } from '../../src/shared/domain/entry-interlock'
import type { GasValues } from '../../src/shared/domain/gases'
import type { AcceptableConditions } from '../../src/shared/domain/limit-profiles'
import { permitStates } from '../../src/shared/domain/permit-lifecycle'

/** Arbitrary entry situations for the property tests, crowded around every boundary. */
export const people: readonly string[] = ['ana', 'ben', 'chloe', 'dev']

const conditionsArb: fc.Arbitrary<AcceptableConditions> = fc.record({
  o2Min: fc.constantFrom(19.5, 20),
  o2Max: fc.constantFrom(23.5, 22),
  lelMax: fc.constantFrom(10, 5),
  h2sMax: fc.constantFrom(10, 1, 20),
  coMax: fc.constantFrom(35, 25, 50),
})

/**
 * Mostly a passing value, so that accepted entries are common; otherwise exactly at the
 * limit, just either side of it, or anywhere the instrument can read.
 */
const near = (limit: number, max: number, safe: number) =>
  fc.oneof(
    { arbitrary: fc.constant(safe), weight: 4 },
    { arbitrary: fc.constantFrom(limit, limit - 0.1, limit + 0.1, 0), weight: 1 },
    { arbitrary: fc.double({ min: 0, max, noNaN: true }), weight: 1 },
  )

const valuesArb = (conditions: AcceptableConditions): fc.Arbitrary<GasValues> =>
  fc.record({
    o2: fc.oneof(near(conditions.o2Min, 30, 20.9), near(conditions.o2Max, 30, 20.9)),
    lel: near(conditions.lelMax, 100, 0),
    h2s: near(conditions.h2sMax, 500, conditions.h2sMax / 4),
    co: near(conditions.coMax, 2000, conditions.coMax / 4),
  })

/** The passing choice three times in four, any choice otherwise. */
const mostly = <T>(passing: fc.Arbitrary<T>, any: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: passing, weight: 3 }, { arbitrary: any, weight: 1 })

const now = 1_750_000_000_000
const second = 1000

export const situationArb: fc.Arbitrary<EntrySituation> = fc
  .record({
    conditions: conditionsArb,
    maxTestAgeMs: fc.constantFrom(5 * 60 * second, 30 * 60 * second),
  })
  .chain(({ conditions, maxTestAgeMs }) =>
    fc.record({
      now: fc.constant(now),
      permit: fc.record({
        state: mostly(fc.constantFrom('authorized', 'active'), fc.constantFrom(...permitStates)),
        validFrom: mostly(fc.constant(now - 3600 * second), fc.constantFrom(now - 1, now, now + 1)),
        validTo: mostly(fc.constant(now + 3600 * second), fc.constantFrom(now - 1, now, now + 1)),
      }),
      person: fc.record({
        key: fc.constantFrom(...people),
        accountActive: mostly<boolean | null>(fc.constantFrom(true, null), fc.constant(false)),
        attendantOnDutyOn: mostly<readonly string[]>(
          fc.constant([]),
          fc.subarray(['CSE-N-2026-0001', 'CSE-N-2026-0002']),
        ),
      }),
      authorizedEntrantKeys: mostly<readonly string[]>(fc.constant(people), fc.subarray([...people])),
      // Attendants on duty are people too: one of them may be the person entering, or be inside.
      attendantOnDutyKeys: mostly<readonly string[]>(fc.constant(['att']), fc.subarray(['att', ...people])),
      resumedAt: mostly(fc.constant(null), fc.constant(now - 60 * second)),
      latestCompleteTest: fc.option(
        fc.record({
          takenAt: mostly(
            fc.integer({ min: now - maxTestAgeMs, max: now }),
            fc.constantFrom(now, now - maxTestAgeMs, now - maxTestAgeMs - 1, now + 1, now - 2 * maxTestAgeMs),
          ),
          values: valuesArb(conditions),
        }),
        { nil: null, freq: 6 },
      ),
      conditions: fc.constant(conditions),
      maxTestAgeMs: fc.constant(maxTestAgeMs),
      peopleInsideKeys: mostly<readonly string[]>(fc.constant([]), fc.subarray([...people])),
    }),
  )
