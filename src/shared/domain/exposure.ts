import type { LimitProfile } from './limit-profiles'

/**
 * Worker exposure: the 8 h TWA and the 15 min STEL of H2S and CO one person breathed, from the
 * continuous readings of the permits' monitors while they were inside. Pure (no I/O), so the rules
 * below are tested exactly; services/exposure reads stays and readings and calls these.
 *
 * The method (exposureMethod says the same to the safety officer; vendors differ, so we say ours):
 * - One-minute averages on UTC clock minutes (the minute rollups' minutes). Only readings taken
 *   while the person was inside count: at or after the entry, before the exit (a person still
 *   inside counts up to now). Readings taken while they were outside are left out.
 * - A minute the person was inside for only part of (the entry's and the exit's minutes) counts the
 *   average of the readings taken in that part, weighted by the fraction of the minute spent
 *   inside: 20 s inside at 30 ppm adds 10 ppm-minutes.
 * - The readings are those of the stay's permit's monitors. With several monitors, each minute
 *   takes the highest monitor's average: the worst-placed monitor, the conservative choice.
 * - A minute inside with no reading of the gas counts zero in the TWA (the formula's rule for
 *   minutes without exposure) but is counted and shown, because an unknown is not a zero.
 * - 8 h TWA = the sum of the shift's one-minute averages / 480 (minutes outside count zero;
 *   OSHA's formula, also for a shift longer than 8 h). STEL = the highest mean of 15 consecutive
 *   one-minute averages of the shift (minutes outside count zero).
 * - A shift is the 8 hours from the person's first entry; the first entry after those 8 hours
 *   starts the next. Every stay that begins in a shift belongs to it whole, whatever the space,
 *   including re-entry after a break. Overlapping stays (an exit not logged before entering
 *   elsewhere) both count: the conservative choice.
 * - Limits: the TWA and STEL of the limit profile of the shift's permits (the strictest when they
 *   differ); a profile without one (OSHA sets a ceiling for H2S) gives none. Exceeded when the
 *   TWA or the STEL is above its limit. Results are kept to 0.001 ppm, far below the 0.1 ppm step
 *   of a reading, so float rounding cannot invent an exceedance.
 */

export const exposureGases = ['h2s', 'co'] as const
export type ExposureGas = (typeof exposureGases)[number]

export const minuteMs = 60_000
export const shiftMs = 8 * 3_600_000
/** The TWA's divisor: the minutes of 8 hours. */
export const twaMinutes = 480
/** The STEL's window, in one-minute averages. */
export const stelMinutes = 15

/** The method, in the words shown on screen beside the figures. */
export const exposureMethod = [
  'One-minute averages on clock minutes, from the continuous readings of the permit’s monitors taken while the person was inside (at or after the entry, before the exit); readings taken while they were outside are left out.',
  'The minute of an entry or an exit counts the average of the readings taken inside, weighted by the fraction of the minute spent inside (for a permit whose readings retention has removed, the whole minute’s average).',
  'With several monitors on a permit, each minute takes the highest monitor’s average (the worst-placed monitor).',
  '8 h TWA = sum of the shift’s one-minute averages ÷ 480; minutes outside, and minutes inside without a reading, count as zero. Minutes inside without a reading are counted and shown: an unknown is not a zero.',
  'STEL = the highest mean of 15 consecutive one-minute averages in the shift.',
  'A shift is the 8 hours from the first entry; an entry after them starts the next shift. A stay belongs whole to the shift it began in, whatever the space.',
  'Limits: the TWA and STEL of the permits’ limit profile (the strictest of several); exceeded when above the limit.',
].join(' ')

/** One time inside a space under a permit. */
export interface Stay {
  permitId: number
  entryAt: number
  /** null: still inside, counted up to now. */
  exitAt: number | null
}

/** One monitor's readings of one gas over one whole clock minute (a minute rollup), in ppm. */
export interface MinuteSum {
  instrumentId: number
  gas: ExposureGas
  minuteStart: number
  /** The sum of the readings, in ppm. */
  total: number
  n: number
}

/** One reading of one monitor, in ppm (null: not measured). */
export interface InstantReading {
  instrumentId: number
  takenAt: number
  h2s: number | null
  co: number | null
}

/**
 * What one stay was exposed to: the minute sums of the permit's monitors for the minutes the
 * person was inside for whole, and their readings for the entry's and exit's minutes. Data for
 * other minutes, or readings taken outside the stay, are ignored.
 */
export interface StayReadings {
  stay: Stay
  minuteSums: readonly MinuteSum[]
  readings: readonly InstantReading[]
}

/** One clock minute of one stay. */
export interface StayMinute {
  minuteStart: number
  /** The fraction of the minute spent inside, above 0 and at most 1. */
  inside: number
  /** Per gas the highest monitor's average over the part inside, in ppm; null: no reading. */
  average: Record<ExposureGas, number | null>
}

export const minuteOf = (at: number): number => Math.floor(at / minuteMs) * minuteMs

/** When the stay ends for the sums: its exit, or now for someone still inside. */
export const stayEnd = (stay: Stay, now: number): number => Math.min(stay.exitAt ?? now, now)

function highestAverage(sums: Iterable<{ total: number; n: number }>): number | null {
  let highest: number | null = null
  for (const { total, n } of sums) {
    if (n <= 0) continue
    const average = total / n
    if (highest === null || average > highest) highest = average
  }
  return highest
}

/** Per gas, per instrument: the sum and count of the readings taken in [from, to). */
function partialSums(readings: readonly InstantReading[], from: number, to: number) {
  const sums = {
    h2s: new Map<number, { total: number; n: number }>(),
    co: new Map<number, { total: number; n: number }>(),
  }
  for (const reading of readings) {
    if (reading.takenAt < from || reading.takenAt >= to) continue
    for (const gas of exposureGases) {
      const value = reading[gas]
      if (value === null) continue
      const sum = sums[gas].get(reading.instrumentId) ?? { total: 0, n: 0 }
      sum.total += value
      sum.n += 1
      sums[gas].set(reading.instrumentId, sum)
    }
  }
  return sums
}

/** The clock minutes of one stay with the fraction inside and the highest monitor's average of each gas. */
export function stayMinutes({ stay, minuteSums, readings }: StayReadings, now: number): StayMinute[] {
  const end = stayEnd(stay, now)
  const whole = new Map<string, MinuteSum[]>()
  for (const sum of minuteSums) {
    const key = `${sum.gas}:${String(sum.minuteStart)}`
    whole.set(key, [...(whole.get(key) ?? []), sum])
  }
  const minutes: StayMinute[] = []
  for (let minuteStart = minuteOf(stay.entryAt); minuteStart < end; minuteStart += minuteMs) {
    const from = Math.max(minuteStart, stay.entryAt)
    const to = Math.min(minuteStart + minuteMs, end)
    if (to <= from) continue
    const isWhole = from === minuteStart && to === minuteStart + minuteMs
    const partial = isWhole ? null : partialSums(readings, from, to)
    const average = { h2s: null, co: null } as Record<ExposureGas, number | null>
    for (const gas of exposureGases)
      average[gas] = highestAverage(
        partial ? partial[gas].values() : (whole.get(`${gas}:${String(minuteStart)}`) ?? []),
      )
    minutes.push({ minuteStart, inside: (to - from) / minuteMs, average })
  }
  return minutes
}

/**
 * Stays grouped into shifts: a shift starts at an entry and takes every stay entered in the 8 hours
 * from it; the first entry after them starts the next. In entry order.
 */
export function groupIntoShifts<T extends Pick<Stay, 'entryAt'>>(
  stays: readonly T[],
): { startsAt: number; stays: T[] }[] {
  const shifts: { startsAt: number; stays: T[] }[] = []
  for (const stay of [...stays].sort((a, b) => a.entryAt - b.entryAt)) {
    const current = shifts.at(-1)
    if (current && stay.entryAt < current.startsAt + shiftMs) current.stays.push(stay)
    else shifts.push({ startsAt: stay.entryAt, stays: [stay] })
  }
  return shifts
}

export interface ExposureLimits {
  twa: number | null
  stel: number | null
}

/** Per gas, the strictest TWA and STEL of the profiles (null: none of them sets one). */
export function exposureLimits(profiles: readonly LimitProfile[]): Record<ExposureGas, ExposureLimits> {
  const strictest = (values: (number | undefined)[]) => {
    const set = values.filter((value): value is number => value !== undefined)
    return set.length === 0 ? null : Math.min(...set)
  }
  const limits = {} as Record<ExposureGas, ExposureLimits>
  for (const gas of exposureGases)
    limits[gas] = {
      twa: strictest(profiles.map((profile) => profile.gases[gas].twa)),
      stel: strictest(profiles.map((profile) => profile.gases[gas].stel)),
    }
  return limits
}

export interface GasExposure {
  /** 8 h TWA in ppm. */
  twa: number
  /** 15 min STEL in ppm. */
  stel: number
  /** Start of the STEL's 15 minutes; null when no minute had a reading. */
  stelFrom: number | null
  /** The highest one-minute average as counted (partial minutes weighted); null: no reading at all. */
  peak: { minuteStart: number; value: number } | null
  /** Minutes inside without a reading of this gas (counted as zero in the TWA). */
  minutesWithoutReadings: number
  limits: ExposureLimits
  twaExceeded: boolean
  stelExceeded: boolean
}

export interface ShiftExposure {
  startsAt: number
  /** The end of its last stay (now for someone still inside). */
  lastExitAt: number
  /** Someone still inside: the figures are so far. */
  ongoing: boolean
  minutesInside: number
  gases: Record<ExposureGas, GasExposure>
  exceeded: boolean
}

/** To 0.001 ppm (see the module comment). */
const rounded = (value: number) => Math.round(value * 1000) / 1000

/** The highest sum of `width` consecutive minutes; the best window always starts on a minute with exposure. */
function highestWindow(byMinute: Map<number, number>, width: number): { from: number; sum: number } | null {
  const minutes = [...byMinute.keys()].sort((a, b) => a - b)
  let best: { from: number; sum: number } | null = null
  let end = 0
  let sum = 0
  for (let start = 0; start < minutes.length; start++) {
    const from = minutes[start] ?? 0
    while (end < minutes.length && (minutes[end] ?? 0) < from + width * minuteMs)
      sum += byMinute.get(minutes[end++] ?? 0) ?? 0
    if (best === null || sum > best.sum) best = { from, sum }
    sum -= byMinute.get(from) ?? 0
  }
  return best
}

/** One shift's exposure from the minutes of its stays, against the limits of its permits. */
export function shiftExposure(
  startsAt: number,
  stays: readonly { stay: Stay; minutes: readonly StayMinute[] }[],
  limits: Record<ExposureGas, ExposureLimits>,
  now: number,
): ShiftExposure {
  const inside = new Map<number, number>()
  const dose = { h2s: new Map<number, number>(), co: new Map<number, number>() }
  const unknown = { h2s: new Map<number, number>(), co: new Map<number, number>() }
  const add = (map: Map<number, number>, minute: number, value: number) =>
    map.set(minute, (map.get(minute) ?? 0) + value)
  for (const { minutes } of stays)
    for (const minute of minutes) {
      add(inside, minute.minuteStart, minute.inside)
      for (const gas of exposureGases) {
        const average = minute.average[gas]
        if (average === null) add(unknown[gas], minute.minuteStart, minute.inside)
        else add(dose[gas], minute.minuteStart, average * minute.inside)
      }
    }
  // A minute holds at most one minute of a person, even where stays overlap.
  const minutesOf = (map: Map<number, number>) => [...map.values()].reduce((sum, value) => sum + Math.min(1, value), 0)
  const gases = {} as Record<ExposureGas, GasExposure>
  for (const gas of exposureGases) {
    const total = [...dose[gas].values()].reduce((sum, value) => sum + value, 0)
    const window = highestWindow(dose[gas], stelMinutes)
    let peak: GasExposure['peak'] = null
    for (const [minuteStart, value] of dose[gas])
      if (peak === null || value > peak.value || (value === peak.value && minuteStart < peak.minuteStart))
        peak = { minuteStart, value }
    const twa = rounded(total / twaMinutes)
    const stel = rounded((window?.sum ?? 0) / stelMinutes)
    gases[gas] = {
      twa,
      stel,
      stelFrom: window?.from ?? null,
      peak: peak && { minuteStart: peak.minuteStart, value: rounded(peak.value) },
      minutesWithoutReadings: rounded(minutesOf(unknown[gas])),
      limits: limits[gas],
      twaExceeded: limits[gas].twa !== null && twa > limits[gas].twa,
      stelExceeded: limits[gas].stel !== null && stel > limits[gas].stel,
    }
  }
  return {
    startsAt,
    lastExitAt: Math.max(startsAt, ...stays.map(({ stay }) => stayEnd(stay, now))),
    ongoing: stays.some(({ stay }) => stay.exitAt === null),
    minutesInside: rounded(minutesOf(inside)),
    gases,
    exceeded: exposureGases.some((gas) => gases[gas].twaExceeded || gases[gas].stelExceeded),
  }
}

/**
 * Every shift of a person from their stays and readings: grouped into shifts, each shift's
 * exposure against the strictest limits of its permits' profiles (`profileOf` a permit id).
 */
export function exposureByShift(
  stays: readonly StayReadings[],
  profileOf: (permitId: number) => LimitProfile,
  now: number,
): (ShiftExposure & { stays: Stay[] })[] {
  return groupIntoShifts(stays.map((readings) => ({ ...readings, entryAt: readings.stay.entryAt }))).map((shift) => {
    const limits = exposureLimits(shift.stays.map(({ stay }) => profileOf(stay.permitId)))
    const minutes = shift.stays.map((readings) => ({ stay: readings.stay, minutes: stayMinutes(readings, now) }))
    return { ...shiftExposure(shift.startsAt, minutes, limits, now), stays: shift.stays.map(({ stay }) => stay) }
  })
}
