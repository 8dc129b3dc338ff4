import { describe, expect, it } from 'vitest'
import {
  exposureByShift,
  exposureLimits,
  groupIntoShifts,
  stayMinutes,
  type InstantReading,
  type MinuteSum,
  type Stay,
  type StayReadings,
} from '../../src/shared/domain/exposure'
import { limitProfiles, type LimitProfile } from '../../src/shared/domain/limit-profiles'

/** 08:00 UTC on a day: every time below is counted from it. */
const eight = Date.UTC(2026, 2, 2, 8)
const minute = 60_000
const at = (minutes: number, seconds = 0) => eight + minutes * minute + seconds * 1000

/** One monitor's whole minutes at a constant value (as the minute rollups give them: 60 readings). */
function steady(instrumentId: number, fromMinute: number, minutes: number, values: { h2s?: number; co?: number }) {
  const sums: MinuteSum[] = []
  for (let m = fromMinute; m < fromMinute + minutes; m++)
    for (const gas of ['h2s', 'co'] as const) {
      const value = values[gas]
      if (value !== undefined) sums.push({ instrumentId, gas, minuteStart: at(m), total: value * 60, n: 60 })
    }
  return sums
}

const stayOf = (permitId: number, entryMinute: number, exitMinute: number | null): Stay => ({
  permitId,
  entryAt: at(entryMinute),
  exitAt: exitMinute === null ? null : at(exitMinute),
})

const factoryFor = (): LimitProfile => limitProfiles.factory
const later = at(24 * 60)

function only(stays: StayReadings[], profileOf: (permitId: number) => LimitProfile = factoryFor, now = later) {
  const shifts = exposureByShift(stays, profileOf, now)
  expect(shifts).toHaveLength(1)
  const [shift] = shifts
  if (!shift) throw new Error('no shift')
  return shift
}

describe('exposure over a shift', () => {
  it('constant exposure: 10 ppm H2S for 4 hours is a TWA of 5 and a STEL of 10', () => {
    const shift = only([{ stay: stayOf(1, 0, 240), minuteSums: steady(7, 0, 240, { h2s: 10, co: 0 }), readings: [] }])
    expect(shift.gases.h2s).toMatchObject({ twa: 5, stel: 10, minutesWithoutReadings: 0 })
    expect(shift.gases.h2s.peak?.value).toBe(10)
    expect(shift.gases.co).toMatchObject({ twa: 0, stel: 0 })
    expect(shift.minutesInside).toBe(240)
    expect(shift.exceeded).toBe(false)
  })

  it('constant exposure for the whole 8 hours: the TWA is the concentration', () => {
    const shift = only([{ stay: stayOf(1, 0, 480), minuteSums: steady(7, 0, 480, { co: 30 }), readings: [] }])
    expect(shift.gases.co).toMatchObject({ twa: 30, stel: 30, twaExceeded: false })
  })

  it('a 15-minute peak sets the STEL and is flagged above the STEL limit; the TWA stays under', () => {
    // 60 min inside at 2 ppm, with minutes 20 to 34 at 20 ppm: (45 x 2 + 15 x 20) / 480 = 0.8125.
    const sums = [...steady(7, 0, 20, { h2s: 2 }), ...steady(7, 20, 15, { h2s: 20 }), ...steady(7, 35, 25, { h2s: 2 })]
    const shift = only([{ stay: stayOf(1, 0, 60), minuteSums: sums, readings: [] }])
    expect(shift.gases.h2s).toMatchObject({
      twa: 0.813,
      stel: 20,
      stelFrom: at(20),
      stelExceeded: true,
      twaExceeded: false,
    })
    expect(shift.gases.h2s.limits).toEqual({ twa: 10, stel: 15 })
    expect(shift.exceeded).toBe(true)
  })

  it('a 10-minute peak: the STEL is the best 15-minute mean, peak and background together', () => {
    // (10 x 20 + 5 x 2) / 15 = 14: below the factory STEL of 15, so not flagged.
    const sums = [...steady(7, 0, 20, { h2s: 2 }), ...steady(7, 20, 10, { h2s: 20 }), ...steady(7, 30, 30, { h2s: 2 })]
    const shift = only([{ stay: stayOf(1, 0, 60), minuteSums: sums, readings: [] }])
    expect(shift.gases.h2s).toMatchObject({ stel: 14, stelExceeded: false })
  })

  it('a stay shorter than 15 minutes: the STEL window counts the minutes outside as zero', () => {
    // 5 minutes at 30 ppm: STEL 5 x 30 / 15 = 10.
    const shift = only([{ stay: stayOf(1, 0, 5), minuteSums: steady(7, 0, 5, { co: 30 }), readings: [] }])
    expect(shift.gases.co).toMatchObject({ stel: 10, twa: 0.313 })
  })

  it('gaps: minutes inside without a reading count zero in the TWA and are counted', () => {
    // 60 minutes inside, readings in minutes 0-29 and 42-59 only: 12 minutes without readings.
    const sums = [...steady(7, 0, 30, { h2s: 8 }), ...steady(7, 42, 18, { h2s: 8 })]
    const shift = only([{ stay: stayOf(1, 0, 60), minuteSums: sums, readings: [] }])
    expect(shift.gases.h2s).toMatchObject({ twa: 0.8, minutesWithoutReadings: 12 })
    expect(shift.gases.co.minutesWithoutReadings).toBe(60)
  })

  it('two spaces in one shift add up; the STEL can come from either', () => {
    // 30 min at 10 ppm in one space, then 30 min at 20 ppm in another: (300 + 600) / 480 = 1.875.
    const shift = only([
      { stay: stayOf(1, 0, 30), minuteSums: steady(7, 0, 30, { h2s: 10 }), readings: [] },
      { stay: stayOf(2, 30, 60), minuteSums: steady(8, 30, 30, { h2s: 20 }), readings: [] },
    ])
    expect(shift.gases.h2s).toMatchObject({ twa: 1.875, stel: 20, stelFrom: at(30) })
    expect(shift.stays.map((stay) => stay.permitId)).toEqual([1, 2])
    expect(shift.minutesInside).toBe(60)
  })

  it('re-entry after a break within 8 hours of the first entry is the same shift; the break counts zero', () => {
    const shift = only([
      { stay: stayOf(1, 0, 120), minuteSums: steady(7, 0, 120, { co: 5 }), readings: [] },
      { stay: stayOf(1, 300, 420), minuteSums: steady(7, 300, 120, { co: 5 }), readings: [] },
    ])
    expect(shift.gases.co).toMatchObject({ twa: 2.5, stel: 5 })
    expect(shift.minutesInside).toBe(240)
  })

  it('readings while the person was outside are left out', () => {
    // The monitor reads 100 ppm before the entry, during the break and after the exit.
    const sums = [
      ...steady(7, 0, 10, { h2s: 100 }),
      ...steady(7, 10, 20, { h2s: 4 }),
      ...steady(7, 30, 30, { h2s: 100 }),
      ...steady(7, 60, 20, { h2s: 4 }),
      ...steady(7, 80, 60, { h2s: 100 }),
    ]
    const shift = only([
      { stay: stayOf(1, 10, 30), minuteSums: sums, readings: [] },
      { stay: stayOf(1, 60, 80), minuteSums: sums, readings: [] },
    ])
    // 40 minutes at 4 ppm: 160 / 480 = 0.333.
    expect(shift.gases.h2s).toMatchObject({ twa: 0.333, stel: 4 })
  })

  it('partial minutes at entry and exit: only readings taken inside, weighted by the fraction inside', () => {
    const readings: InstantReading[] = [
      { instrumentId: 7, takenAt: at(0, 10), h2s: 100, co: null }, // before the entry
      { instrumentId: 7, takenAt: at(0, 40), h2s: 30, co: null }, // at the entry: counts
      { instrumentId: 7, takenAt: at(0, 55), h2s: 30, co: null },
      { instrumentId: 7, takenAt: at(2, 5), h2s: 6, co: null },
      { instrumentId: 7, takenAt: at(2, 15), h2s: 12, co: null },
      { instrumentId: 7, takenAt: at(2, 20), h2s: 100, co: null }, // at the exit: left out
      { instrumentId: 7, takenAt: at(2, 30), h2s: 100, co: null }, // after the exit
    ]
    const stay: Stay = { permitId: 1, entryAt: at(0, 40), exitAt: at(2, 20) }
    const data: StayReadings = { stay, minuteSums: steady(7, 1, 1, { h2s: 12 }), readings }
    const minutes = stayMinutes(data, later)
    expect(minutes.map((m) => [m.minuteStart, m.inside, m.average.h2s])).toEqual([
      [at(0), 1 / 3, 30],
      [at(1), 1, 12],
      [at(2), 1 / 3, 9],
    ])
    // 30 x 1/3 + 12 + 9 x 1/3 = 25 ppm-minutes: TWA 25 / 480, STEL 25 / 15.
    const shift = only([data])
    expect(shift.gases.h2s).toMatchObject({ twa: 0.052, stel: 1.667, minutesWithoutReadings: 0 })
    expect(shift.gases.h2s.peak).toEqual({ minuteStart: at(1), value: 12 })
    expect(shift.minutesInside).toBe(1.667)
  })

  it('a minute sum is not used for a minute the person was inside for only part of', () => {
    const stay: Stay = { permitId: 1, entryAt: at(0, 30), exitAt: at(1) }
    const minutes = stayMinutes({ stay, minuteSums: steady(7, 0, 1, { h2s: 50 }), readings: [] }, later)
    expect(minutes).toEqual([{ minuteStart: at(0), inside: 0.5, average: { h2s: null, co: null } }])
  })

  it('several monitors: each minute takes the highest monitor’s average', () => {
    const sums = [...steady(7, 0, 10, { co: 10 }), ...steady(8, 0, 5, { co: 14 }), ...steady(8, 5, 5, { co: 6 })]
    const shift = only([{ stay: stayOf(1, 0, 10), minuteSums: sums, readings: [] }])
    // 5 x 14 + 5 x 10 = 120 ppm-minutes.
    expect(shift.gases.co).toMatchObject({ twa: 0.25, stel: 8 })
  })

  it('someone still inside is counted up to now, and the shift says so', () => {
    const shift = only(
      [{ stay: stayOf(1, 0, null), minuteSums: steady(7, 0, 60, { co: 48 }), readings: [] }],
      factoryFor,
      at(30),
    )
    expect(shift).toMatchObject({ ongoing: true, minutesInside: 30, lastExitAt: at(30) })
    expect(shift.gases.co.twa).toBe(3)
  })

  it('the TWA is flagged only above its limit, never at it', () => {
    const atLimit = only([{ stay: stayOf(1, 0, 480), minuteSums: steady(7, 0, 480, { h2s: 10 }), readings: [] }])
    expect(atLimit.gases.h2s).toMatchObject({ twa: 10, twaExceeded: false })
    const above = only([{ stay: stayOf(1, 0, 480), minuteSums: steady(7, 0, 480, { h2s: 10.1 }), readings: [] }])
    expect(above.gases.h2s).toMatchObject({ twa: 10.1, twaExceeded: true })
  })

  it('weighted partial minutes do not invent an exceedance by float rounding', () => {
    // 10 ppm for exactly 8 hours starting 20 s into a minute: 481 clock minutes, TWA exactly 10.
    const stay: Stay = { permitId: 1, entryAt: at(0, 20), exitAt: at(480, 20) }
    const readings: InstantReading[] = []
    for (let s = 20; s < 60; s += 1) readings.push({ instrumentId: 7, takenAt: at(0, s), h2s: 10, co: null })
    for (let s = 0; s < 20; s += 1) readings.push({ instrumentId: 7, takenAt: at(480, s), h2s: 10, co: null })
    const shift = only([{ stay, minuteSums: steady(7, 1, 479, { h2s: 10 }), readings }])
    expect(shift.gases.h2s).toMatchObject({ twa: 10, twaExceeded: false })
  })
})

describe('shifts', () => {
  it('start at the first entry and take every entry in the 8 hours from it', () => {
    const stays = [at(0), at(7 * 60 + 59), at(8 * 60), at(15 * 60), at(16 * 60 + 1)].map((entryAt) => ({ entryAt }))
    expect(groupIntoShifts(stays).map((shift) => [shift.startsAt, shift.stays.length])).toEqual([
      [at(0), 2],
      [at(8 * 60), 2],
      [at(16 * 60 + 1), 1],
    ])
  })

  it('each have their own TWA; a stay that runs past the 8 hours counts whole in its shift', () => {
    const shifts = exposureByShift(
      [
        // 9 hours at 4 ppm: 540 x 4 / 480 = 4.5 (OSHA's sum over the whole work shift / 8 h).
        { stay: stayOf(1, 0, 540), minuteSums: steady(7, 0, 540, { co: 4 }), readings: [] },
        { stay: stayOf(2, 600, 660), minuteSums: steady(8, 600, 60, { co: 8 }), readings: [] },
      ],
      factoryFor,
      later,
    )
    expect(shifts.map((shift) => [shift.startsAt, shift.gases.co.twa])).toEqual([
      [at(0), 4.5],
      [at(600), 1],
    ])
    expect(shifts[0]?.lastExitAt).toBe(at(540))
  })
})

describe('exposure limits', () => {
  it('are the strictest TWA and STEL of the permits’ profiles', () => {
    expect(exposureLimits([limitProfiles.factory, limitProfiles.acgih])).toEqual({
      h2s: { twa: 1, stel: 5 },
      co: { twa: 25, stel: 200 },
    })
  })

  it('are none where no profile sets one (OSHA sets a ceiling for H2S, not a TWA)', () => {
    expect(exposureLimits([limitProfiles.osha])).toEqual({
      h2s: { twa: null, stel: null },
      co: { twa: 50, stel: null },
    })
  })

  it('of a shift across permits of two profiles are the stricter', () => {
    const profiles: Record<number, LimitProfile> = { 1: limitProfiles.factory, 2: limitProfiles.acgih }
    const shift = only(
      [
        { stay: stayOf(1, 0, 30), minuteSums: steady(7, 0, 30, { h2s: 6 }), readings: [] },
        { stay: stayOf(2, 30, 60), minuteSums: [], readings: [] },
      ],
      (permitId) => profiles[permitId] ?? limitProfiles.factory,
    )
    // 30 minutes at 6 ppm: a STEL of 6 is under the factory 15 but above ACGIH's 5; TWA 180 / 480 under 1.
    expect(shift.gases.h2s).toMatchObject({ limits: { twa: 1, stel: 5 }, stel: 6, stelExceeded: true })
    expect(shift.gases.h2s).toMatchObject({ twa: 0.375, twaExceeded: false })
  })
})
