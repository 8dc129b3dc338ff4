import { describe, expect, it } from 'vitest'
import { atmosphereStatus, evaluateReading } from '../../src/shared/domain/atmosphere'
import type { GasValues } from '../../src/shared/domain/gases'
import { defaultConditionsFor, limitProfiles } from '../../src/shared/domain/limit-profiles'

const conditions = defaultConditionsFor(limitProfiles.factory)
const clean: GasValues = { o2: 20.9, lel: 0, h2s: 0, co: 0 }
const now = 1_750_000_000_000
const tenMinutes = 10 * 60_000

const passes = (values: Partial<GasValues>) =>
  Object.fromEntries(evaluateReading({ ...clean, ...values }, conditions).map((result) => [result.gas, result.pass]))

describe('a reading against acceptable conditions', () => {
  it('is reported gas by gas, oxygen first', () => {
    expect(evaluateReading(clean, conditions).map((result) => result.gas)).toEqual(['o2', 'lel', 'h2s', 'co'])
    expect(evaluateReading(clean, conditions).every((result) => result.pass)).toBe(true)
  })

  it('is not acceptable with oxygen exactly at either limit', () => {
    expect(passes({ o2: 19.5 }).o2).toBe(false)
    expect(passes({ o2: 23.5 }).o2).toBe(false)
    expect(passes({ o2: 19.6 }).o2).toBe(true)
    expect(passes({ o2: 23.4 }).o2).toBe(true)
  })

  it('is not acceptable with a combustible or toxic gas exactly at its maximum', () => {
    expect(passes({ lel: 10, h2s: 10, co: 35 })).toMatchObject({ lel: false, h2s: false, co: false })
    expect(passes({ lel: 9.9, h2s: 9.9, co: 34.9 })).toMatchObject({ lel: true, h2s: true, co: true })
  })

  it('names the gas, its value and the rule in the message', () => {
    const h2s = evaluateReading({ ...clean, h2s: 12 }, conditions).find((result) => result.gas === 'h2s')
    expect(h2s?.message).toBe('H2S 12 ppm is not acceptable: it must be below 10 ppm.')
    const o2 = evaluateReading({ ...clean, o2: 19.5 }, conditions).find((result) => result.gas === 'o2')
    expect(o2?.message).toBe('O2 19.5 % vol is not acceptable: it must be above 19.5 % vol and below 23.5 % vol.')
  })

  it('is not acceptable when a value is not a number', () => {
    expect(passes({ o2: Number.NaN, co: Number.NaN })).toMatchObject({ o2: false, co: false })
  })
})

describe('the atmosphere status of a space', () => {
  it('is none when there is no complete test', () => {
    expect(atmosphereStatus(null, conditions, now, tenMinutes)).toMatchObject({ status: 'none', ageMs: null })
  })

  it('is green on a fresh test with margin on every gas, with no reasons', () => {
    expect(atmosphereStatus({ takenAt: now - 60_000, values: clean }, conditions, now, tenMinutes)).toMatchObject({
      status: 'green',
      ageMs: 60_000,
      reasons: [],
    })
  })

  it('is red when any gas fails, even on a fresh test', () => {
    const status = atmosphereStatus({ takenAt: now, values: { ...clean, co: 35 } }, conditions, now, tenMinutes)
    expect(status.status).toBe('red')
    expect(status.reasons).toEqual(['CO 35 ppm is not acceptable: it must be below 35 ppm.'])
  })

  it('is red when a gas fails on a stale test, and says both', () => {
    const status = atmosphereStatus(
      { takenAt: now - tenMinutes - 1000, values: { ...clean, lel: 12 } },
      conditions,
      now,
      tenMinutes,
    )
    expect(status.status).toBe('red')
    expect(status.reasons).toHaveLength(2)
    expect(status.reasons[1]).toBe('The latest test is 10 min 1 s old; tests older than 10 min are stale.')
  })

  it('is amber when every gas passes but the test is older than the maximum age', () => {
    expect(atmosphereStatus({ takenAt: now - tenMinutes - 1, values: clean }, conditions, now, tenMinutes).status).toBe(
      'amber',
    )
  })

  it('is still green on a test exactly as old as the maximum age', () => {
    expect(atmosphereStatus({ takenAt: now - tenMinutes, values: clean }, conditions, now, tenMinutes).status).toBe(
      'green',
    )
  })

  it('is amber when the test is dated in the future', () => {
    const status = atmosphereStatus({ takenAt: now + 5000, values: clean }, conditions, now, tenMinutes)
    expect(status.status).toBe('amber')
    expect(status.reasons[0]).toContain('in the future')
  })

  it('is amber when oxygen is within 0.5 % vol of a limit', () => {
    const at = (o2: number) => atmosphereStatus({ takenAt: now, values: { ...clean, o2 } }, conditions, now, tenMinutes)
    expect(at(20).status).toBe('amber')
    expect(at(20).reasons).toEqual(['O2 20 % vol is within 0.5 % vol of the 19.5 % vol minimum.'])
    expect(at(23).status).toBe('amber')
    expect(at(20.1).status).toBe('green')
    expect(at(22.9).status).toBe('green')
  })

  it('is amber when a combustible or toxic gas is at or above half its maximum', () => {
    const at = (values: Partial<GasValues>) =>
      atmosphereStatus({ takenAt: now, values: { ...clean, ...values } }, conditions, now, tenMinutes)
    expect(at({ h2s: 5 }).status).toBe('amber')
    expect(at({ h2s: 5 }).reasons).toEqual(['H2S 5 ppm is at or above half of its 10 ppm limit.'])
    expect(at({ h2s: 4.9, lel: 4.9, co: 17 }).status).toBe('green')
    expect(at({ co: 17.5 }).status).toBe('amber')
  })
})
