import { describe, expect, it } from 'vitest'
import {
  acceptableConditionsSchema,
  conditionsViolations,
  defaultConditionsFor,
  isStricterOrEqual,
  limitProfileIds,
  limitProfiles,
  limitProfileSchema,
} from '../../src/shared/domain/limit-profiles'

const factory = defaultConditionsFor(limitProfiles.factory)

describe('the shipped limit profiles', () => {
  it('are factory, OSHA, NIOSH and ACGIH', () => {
    expect(limitProfileIds).toEqual(['factory', 'osha', 'niosh', 'acgih'])
  })

  it('each satisfy the schema a site-defined profile must satisfy', () => {
    for (const id of limitProfileIds) expect(limitProfileSchema.safeParse(limitProfiles[id]).success, id).toBe(true)
  })

  it('each name their source', () => {
    for (const id of limitProfileIds) expect(limitProfiles[id].source.length, id).toBeGreaterThan(20)
  })

  it('give factory defaults of O2 19.5 to 23.5, LEL 10, H2S 10 and CO 35', () => {
    expect(factory).toEqual({ o2Min: 19.5, o2Max: 23.5, lelMax: 10, h2sMax: 10, coMax: 35 })
  })

  it('take the lowest limit of each reference as the default entry maximum', () => {
    expect(defaultConditionsFor(limitProfiles.osha)).toEqual({
      o2Min: 19.5,
      o2Max: 23.5,
      lelMax: 10,
      h2sMax: 20,
      coMax: 50,
    })
    expect(defaultConditionsFor(limitProfiles.niosh)).toEqual({
      o2Min: 19.5,
      o2Max: 23.5,
      lelMax: 10,
      h2sMax: 10,
      coMax: 35,
    })
    expect(defaultConditionsFor(limitProfiles.acgih)).toEqual({
      o2Min: 19.5,
      o2Max: 23.5,
      lelMax: 10,
      h2sMax: 1,
      coMax: 25,
    })
  })

  it('keep exposure limits only where the reference defines them', () => {
    expect(limitProfiles.acgih.gases.h2s).toMatchObject({ twa: 1, stel: 5 })
    expect(limitProfiles.niosh.gases.co).toMatchObject({ twa: 35, ceiling: 200 })
    expect(limitProfiles.osha.gases.h2s).not.toHaveProperty('twa')
  })
})

describe('a site-defined profile', () => {
  it('is refused when its oxygen low alarm is not below its high alarm', () => {
    const profile = {
      ...limitProfiles.factory,
      id: 'site',
      gases: { ...limitProfiles.factory.gases, o2: { lowAlarm: 23.5, highAlarm: 19.5 } },
    }
    const result = limitProfileSchema.safeParse(profile)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('lowAlarm must be below highAlarm')
  })
})

describe("a permit's acceptable conditions", () => {
  it('are stricter or equal when they equal the profile defaults', () => {
    expect(isStricterOrEqual(factory, factory)).toBe(true)
    expect(conditionsViolations(factory, factory)).toEqual([])
  })

  it('may be tightened on every field', () => {
    expect(isStricterOrEqual({ o2Min: 20, o2Max: 22, lelMax: 5, h2sMax: 1, coMax: 25 }, factory)).toBe(true)
  })

  it('are flagged when the oxygen minimum is looser, naming the field', () => {
    const violations = conditionsViolations({ ...factory, o2Min: 19 }, factory)
    expect(violations).toEqual([
      {
        field: 'o2Min',
        message:
          "The oxygen minimum (o2Min) of 19 % vol is looser than the profile's 19.5 % vol: a permit may only raise it.",
      },
    ])
    expect(isStricterOrEqual({ ...factory, o2Min: 19 }, factory)).toBe(false)
  })

  it('are flagged field by field when several maxima are raised', () => {
    const looser = { o2Min: 19.5, o2Max: 24, lelMax: 11, h2sMax: 20, coMax: 50 }
    const violations = conditionsViolations(looser, factory)
    expect(violations.map((violation) => violation.field)).toEqual(['o2Max', 'lelMax', 'h2sMax', 'coMax'])
    for (const violation of violations) expect(violation.message).toContain(`(${violation.field})`)
  })

  it('are flagged when a value is not a number at all', () => {
    expect(
      conditionsViolations({ ...factory, coMax: Number.NaN }, factory).map((violation) => violation.field),
    ).toEqual(['coMax'])
  })

  it('are refused by the schema when the oxygen range is empty', () => {
    const result = acceptableConditionsSchema.safeParse({ ...factory, o2Min: 23.5, o2Max: 23.5 })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['o2Max'], message: 'must be above o2Min' })
  })

  it('are refused by the schema when a limit is outside the instrument range', () => {
    const result = acceptableConditionsSchema.safeParse({ ...factory, h2sMax: 600 })
    expect(result.error?.issues[0]).toMatchObject({ path: ['h2sMax'], message: 'must be between 0 and 500 ppm' })
  })
})
