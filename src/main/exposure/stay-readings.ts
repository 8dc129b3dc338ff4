import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm'
import { gases } from '../../shared/domain/gases'
import {
  exposureGases,
  minuteMs,
  minuteOf,
  stayEnd,
  type InstantReading,
  type MinuteSum,
  type Stay,
  type StayReadings,
} from '../../shared/domain/exposure'
import { fromSteps } from '../../shared/domain/reading-values'
import type { Db } from '../db/database'
import { liveValues, minuteRollups, monitorReadings } from '../db/schema'

/** H2S and CO by their position in `gases`, as the rollups key them. */
const gasPositions = exposureGases.map((gas) => gases.indexOf(gas))
const gasAt = new Map(exposureGases.map((gas) => [gases.indexOf(gas), gas]))

/** The monitors that have sent continuous readings for a permit (live_values keeps one row per gas for each). */
function monitorsOf(db: Db, permitId: number): number[] {
  return db
    .selectDistinct({ instrumentId: liveValues.instrumentId })
    .from(liveValues)
    .where(eq(liveValues.permitId, permitId))
    .all()
    .map((row) => row.instrumentId)
}

/** One monitor's readings of a permit in [from, to): a range scan of monitor_readings' primary key. */
function readingsBetween(db: Db, permitId: number, instrumentId: number, from: number, to: number): InstantReading[] {
  if (to <= from) return []
  return db
    .select({ takenAt: monitorReadings.takenAt, h2s: monitorReadings.h2s, co: monitorReadings.co })
    .from(monitorReadings)
    .where(
      and(
        eq(monitorReadings.permitId, permitId),
        eq(monitorReadings.instrumentId, instrumentId),
        gte(monitorReadings.takenAt, from),
        lt(monitorReadings.takenAt, to),
      ),
    )
    .orderBy(asc(monitorReadings.takenAt))
    .all()
    .map((row) => ({
      instrumentId,
      takenAt: row.takenAt,
      h2s: row.h2s === null ? null : fromSteps('h2s', row.h2s),
      co: row.co === null ? null : fromSteps('co', row.co),
    }))
}

/** One monitor's H2S and CO minute rollups of a permit for the minutes starting in [from, to). */
function minuteSumsBetween(db: Db, permitId: number, instrumentId: number, from: number, to: number): MinuteSum[] {
  if (to <= from) return []
  return db
    .select({
      gas: minuteRollups.gas,
      startsAt: minuteRollups.startsAt,
      n: minuteRollups.n,
      total: minuteRollups.total,
    })
    .from(minuteRollups)
    .where(
      and(
        eq(minuteRollups.permitId, permitId),
        eq(minuteRollups.instrumentId, instrumentId),
        inArray(minuteRollups.gas, gasPositions),
        gte(minuteRollups.startsAt, from),
        lt(minuteRollups.startsAt, to),
      ),
    )
    .all()
    .flatMap((row) => {
      const gas = gasAt.get(row.gas)
      // A sum of whole steps is itself whole steps: fromSteps gives it exactly.
      return gas ? [{ instrumentId, gas, minuteStart: row.startsAt, total: fromSteps(gas, row.total), n: row.n }] : []
    })
}

/**
 * The readings of the part [from, to) of one minute a person was inside. When retention has
 * removed the permit's readings (the minute has a rollup but no reading left), the minute's
 * average stands for them as one reading at `from`: which of them came while the person was
 * inside can no longer be known, so the whole minute's average is weighted by the time inside.
 */
function partialMinute(db: Db, permitId: number, instrumentId: number, from: number, to: number): InstantReading[] {
  if (to <= from) return []
  const inside = readingsBetween(db, permitId, instrumentId, from, to)
  if (inside.length > 0) return inside
  const minute = minuteOf(from)
  if (readingsBetween(db, permitId, instrumentId, minute, minute + minuteMs).length > 0) return []
  const sums = minuteSumsBetween(db, permitId, instrumentId, minute, minute + 1)
  if (sums.length === 0) return []
  const average = (gas: 'h2s' | 'co') => {
    const sum = sums.find((one) => one.gas === gas)
    return sum ? sum.total / sum.n : null
  }
  return [{ instrumentId, takenAt: from, h2s: average('h2s'), co: average('co') }]
}

/**
 * What a stay was exposed to, from each monitor of its permit: the minute rollups (total / n is
 * the average) for the minutes the person was inside for whole, and the readings themselves for
 * the part of the entry's and the exit's minutes they were inside (see partialMinute once
 * retention has removed them).
 */
export function stayReadings(db: Db, stay: Stay, now: number): StayReadings {
  const end = stayEnd(stay, now)
  const firstWhole = Math.ceil(stay.entryAt / minuteMs) * minuteMs
  const lastWholeEnd = minuteOf(end)
  const minuteSums: MinuteSum[] = []
  const readings: InstantReading[] = []
  for (const instrumentId of monitorsOf(db, stay.permitId)) {
    if (firstWhole >= lastWholeEnd) {
      // No whole minute inside: the readings of the stay (in one minute, or across the boundary of two).
      const boundary = Math.min(firstWhole, end)
      readings.push(...partialMinute(db, stay.permitId, instrumentId, stay.entryAt, boundary))
      readings.push(...partialMinute(db, stay.permitId, instrumentId, boundary, end))
      continue
    }
    minuteSums.push(...minuteSumsBetween(db, stay.permitId, instrumentId, firstWhole, lastWholeEnd))
    readings.push(...partialMinute(db, stay.permitId, instrumentId, stay.entryAt, firstWhole))
    readings.push(...partialMinute(db, stay.permitId, instrumentId, lastWholeEnd, end))
  }
  return { stay, minuteSums, readings }
}
