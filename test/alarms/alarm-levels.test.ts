import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { breachOf } from '../../src/shared/domain/alarm-levels'
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
