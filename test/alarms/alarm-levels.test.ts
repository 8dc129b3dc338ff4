import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { breachOf, cleanBand } from '../../src/shared/domain/alarm-levels'
import type { Gas } from '../../src/shared/domain/gases'
import { defaultConditionsFor, limitProfiles } from '../../src/shared/domain/limit-profiles'

const factory = limitProfiles.factory
const conditions = defaultConditionsFor(factory)
const level = (gas: Gas, value: number) => breachOf(gas, value, conditions, factory)?.level ?? null

describe('the level a gas value reaches (factory profile, default permit conditions)', () => {
  it.each([
    // Oxygen: deficiency at the low alarm, enrichment at the high alarm, limits exclusive.
    ['o2', 19.4, 'low'],
    ['o2', 19.5, 'low'],
    ['o2', 19.51, null],
    ['o2', 20.9, null],
    ['o2', 23.49, null],
    ['o2', 23.5, 'high'],
    ['lel', 9.9, null],
    ['lel', 10, 'low'],
    ['lel', 19.9, 'low'],
    ['lel', 20, 'high'],
    ['h2s', 9.9, null],
    ['h2s', 10, 'low'],
    ['h2s', 20, 'high'],
    ['co', 34.9, null],
    ['co', 35, 'low'],
    ['co', 69.9, 'low'],
    ['co', 70, 'high'],
  ] as const)('%s %d is %s', (gas, value, expected) => {
    expect(level(gas, value)).toBe(expected)
  })

  it('is "outside the permit’s conditions" when the permit is stricter than the alarm levels', () => {
    const strict = { ...conditions, h2sMax: 5 }
    expect(breachOf('h2s', 5, strict, factory)).toMatchObject({ level: 'condition', limit: 5 })
    expect(breachOf('h2s', 4.9, strict, factory)).toBeNull()
  })

  it('is a breach exactly when the value is not acceptable for entry, for any value in range', () => {
    const gasArb = fc.constantFrom<Gas>('o2', 'lel', 'h2s', 'co')
    fc.assert(
      fc.property(gasArb, fc.double({ min: 0, max: 100, noNaN: true }), (gas, value) => {
        const acceptable =
          gas === 'o2'
            ? value > conditions.o2Min && value < conditions.o2Max
            : value < { lel: conditions.lelMax, h2s: conditions.h2sMax, co: conditions.coMax }[gas]
        expect(breachOf(gas, value, conditions, factory) === null).toBe(acceptable)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the clean band of a gas', () => {
  const gasArb = fc.constantFrom<Gas>('o2', 'lel', 'h2s', 'co')
  /** Any profile, and permit conditions anywhere around its levels (stricter, looser, equal). */
  const setting = fc.record({
    profile: fc.constantFrom(...Object.values(limitProfiles)),
    conditions: fc.record({
      o2Min: fc.double({ min: 15, max: 22, noNaN: true }),
      o2Max: fc.double({ min: 20, max: 26, noNaN: true }),
      lelMax: fc.double({ min: 0, max: 30, noNaN: true }),
      h2sMax: fc.double({ min: 0, max: 30, noNaN: true }),
      coMax: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
  })
  const value = fc.oneof(
    fc.double({ min: -1, max: 120, noNaN: true }),
    fc.integer({ min: 0, max: 1200 }).map((n) => n / 10),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0),
  )

  it('holds exactly the values that breach nothing', () => {
    fc.assert(
      fc.property(gasArb, setting, value, (gas, { profile, conditions: permit }, reading) => {
        const band = cleanBand(gas, permit, profile)
        const inside = reading > band.above && reading < band.below
        const breach = breachOf(gas, reading, permit, profile)
        // Inside never breaches; outside always does, but for -Infinity (below any range) where the engine asks breachOf.
        if (inside) expect(breach).toBeNull()
        else if (reading !== Number.NEGATIVE_INFINITY) expect(breach).not.toBeNull()
      }),
      { numRuns: 5000 },
    )
  })

  it('lies on the factory profile’s levels for default conditions', () => {
    expect(cleanBand('o2', conditions, factory)).toEqual({ above: 19.5, below: 23.5 })
    expect(cleanBand('h2s', conditions, factory)).toEqual({ above: -Infinity, below: 10 })
  })
})
