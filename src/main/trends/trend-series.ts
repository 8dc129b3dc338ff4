import { createColumnReducer, type Downsampled } from '../../shared/domain/downsample'
import { gases } from '../../shared/domain/gases'
import { fromSteps } from '../../shared/domain/reading-values'
import type { Sqlite } from '../db/database'
import { periodMs, type TrendPlan } from './trend-resolution'

type RawRow = [takenAt: number, o2: number | null, lel: number | null, h2s: number | null, co: number | null]
type RollupRow = [low: number, high: number, first: number, firstAt: number, last: number, lastAt: number]

/**
 * Reads one monitor's readings for one permit over a window and reduces each gas to at most four
 * points a pixel column: raw rows are a primary-key range scan; a rollup period gives its first and
 * last at their times and its lowest and highest midway between them (when within the period they
 * came is not kept: at this zoom a period is a few pixels at most, so the value is what matters).
 */
export function createSeriesReader(sqlite: Sqlite) {
  const raw = sqlite
    .prepare(
      'select taken_at, o2, lel, h2s, co from monitor_readings where permit_id = ? and instrument_id = ? and taken_at >= ? and taken_at <= ? order by taken_at',
    )
    .raw()
  const rollups = (table: string) =>
    sqlite
      .prepare(
        `select low, high, first, first_at, last, last_at from ${table} where permit_id = ? and instrument_id = ? and gas = ? and starts_at > ? and starts_at <= ? order by starts_at`,
      )
      .raw()
  const rollupsOf = {
    minute: rollups('reading_rollups_minute'),
    hour: rollups('reading_rollups_hour'),
    day: rollups('reading_rollups_day'),
  }

  /** Reduces each gas of the chosen source; false when the source held nothing in the window. */
  function reduceInto(
    reducers: ReturnType<typeof createColumnReducer>[],
    seen: boolean[],
    permitId: number,
    instrumentId: number,
    from: number,
    to: number,
    resolution: TrendPlan['resolution'],
  ): boolean {
    if (resolution === 'raw') {
      for (const row of raw.all(permitId, instrumentId, from, to) as RawRow[])
        for (let gas = 0; gas < 4; gas++) {
          const value = row[gas + 1] as number | null
          if (value === null) continue
          reducers[gas]?.add(row[0], value)
          seen[gas] = true
        }
      return seen.some(Boolean)
    }
    const period = periodMs[resolution]
    const statement = rollupsOf[resolution]
    for (let gas = 0; gas < 4; gas++) {
      const reducer = reducers[gas]
      if (!reducer) continue
      const rows = statement.all(permitId, instrumentId, gas, from - period, to) as RollupRow[]
      for (const [low, high, first, firstAt, last, lastAt] of rows) {
        const middle = Math.round((firstAt + lastAt) / 2)
        if (firstAt >= from && firstAt <= to) reducer.add(firstAt, first)
        // A lowest or highest equal to the first or last is already drawn by them.
        if (middle >= from && middle <= to) {
          if (low !== first && low !== last) reducer.add(middle, low)
          if (high !== first && high !== last) reducer.add(middle, high)
        }
        if (lastAt >= from && lastAt <= to && lastAt !== firstAt) reducer.add(lastAt, last)
        seen[gas] = true
      }
    }
    return seen.some(Boolean)
  }

  /**
   * Per gas (in `gases` order): its points, values in the gas's unit, and the source they came
   * from. A window too short for rollups falls back to the minute rollups when the readings
   * themselves are gone (retention keeps only the rollups of old permits).
   */
  return function read(
    permitId: number,
    instrumentId: number,
    from: number,
    to: number,
    plan: TrendPlan,
  ): { resolution: TrendPlan['resolution']; byGas: (Downsampled | null)[] } {
    let resolution = plan.resolution
    let reducers = gases.map(() => createColumnReducer(from, plan.columnMs, plan.gapMs))
    let seen = [false, false, false, false]
    if (!reduceInto(reducers, seen, permitId, instrumentId, from, to, resolution) && resolution === 'raw') {
      resolution = 'minute'
      const gapMs = Math.max(plan.gapMs, 2 * periodMs.minute)
      reducers = gases.map(() => createColumnReducer(from, plan.columnMs, gapMs))
      seen = [false, false, false, false]
      reduceInto(reducers, seen, permitId, instrumentId, from, to, resolution)
    }
    const byGas = reducers.map((reducer, gas) => {
      if (!seen[gas]) return null
      const name = gases[gas] ?? 'o2'
      const { times, values } = reducer.finish()
      for (let index = 0; index < values.length; index++) {
        const steps = values[index]
        if (steps !== null && steps !== undefined) values[index] = fromSteps(name, steps)
      }
      return { times, values }
    })
    return { resolution, byGas }
  }
}

export type SeriesReader = ReturnType<typeof createSeriesReader>
