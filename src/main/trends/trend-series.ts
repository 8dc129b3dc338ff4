import { createColumnReducer, type Downsampled } from '../../shared/domain/downsample'
import { gases } from '../../shared/domain/gases'
import { fromSteps } from '../../shared/domain/reading-values'
import type { Sqlite } from '../db/database'
import { periodMs, type TrendPlan } from './trend-resolution'

/** A JSON array per column, as SQLite writes it (null where a value is NULL). */
type JsonColumns = (string | null)[]
type Column = (number | null)[]

/**
 * Columns as SQLite hands them over: one JSON array each, built in C and parsed by V8 at once,
 * several times faster than a JavaScript array per row (a window is tens of thousands of rows).
 * SQLite aggregates a primary-key range in key order, so the columns come in time order; an
 * `order by` inside the aggregate would sort them again at four times the cost. Should a future
 * SQLite hand them over otherwise, they are put in order of the key column here.
 */
export function parsed(written: JsonColumns | undefined, keyColumn: number): Column[] {
  const columns = (written ?? []).map((column) => (column === null ? [] : (JSON.parse(column) as Column)))
  const key = columns[keyColumn] ?? []
  let ordered = true
  for (let index = 1; index < key.length && ordered; index++) ordered = (key[index - 1] ?? 0) <= (key[index] ?? 0)
  if (ordered) return columns
  const order = key.map((_, index) => index).sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0))
  return columns.map((column) => order.map((index) => column[index] ?? null))
}

const jsonColumns = (columns: readonly string[]) => columns.map((column) => `json_group_array(${column})`).join(', ')

/**
 * Reads one monitor's readings for one permit over a window and reduces each gas to at most four
 * points a pixel column: raw rows are a primary-key range scan; a rollup period gives its first and
 * last at their times and its lowest and highest midway between them (when within the period they
 * came is not kept: at this zoom a period is a few pixels at most, so the value is what matters).
 */
export function createSeriesReader(sqlite: Sqlite) {
  const raw = sqlite
    .prepare(
      `select ${jsonColumns(['taken_at', 'o2', 'lel', 'h2s', 'co'])} from monitor_readings
        where permit_id = ? and instrument_id = ? and taken_at >= ? and taken_at <= ?`,
    )
    .raw()
  const rollups = (table: string) =>
    sqlite
      .prepare(
        `select ${jsonColumns(['low', 'high', 'first', 'first_at', 'last', 'last_at'])} from ${table}
          where permit_id = ? and instrument_id = ? and gas = ? and starts_at > ? and starts_at <= ?`,
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
      const [times = [], ...byGas] = parsed(raw.get(permitId, instrumentId, from, to) as JsonColumns | undefined, 0)
      for (let gas = 0; gas < 4; gas++) {
        const values = byGas[gas] ?? []
        const reducer = reducers[gas]
        if (!reducer) continue
        for (let index = 0; index < times.length; index++) {
          const value = values[index]
          if (value === null || value === undefined) continue
          reducer.add(times[index] ?? 0, value)
          seen[gas] = true
        }
      }
      return seen.some(Boolean)
    }
    const period = periodMs[resolution]
    const statement = rollupsOf[resolution]
    for (let gas = 0; gas < 4; gas++) {
      const reducer = reducers[gas]
      if (!reducer) continue
      const [lows = [], highs = [], firsts = [], firstAts = [], lasts = [], lastAts = []] = parsed(
        statement.get(permitId, instrumentId, gas, from - period, to) as JsonColumns | undefined,
        3,
      )
      for (let index = 0; index < lows.length; index++) {
        const low = lows[index] ?? 0
        const high = highs[index] ?? 0
        const first = firsts[index] ?? 0
        const firstAt = firstAts[index] ?? 0
        const last = lasts[index] ?? 0
        const lastAt = lastAts[index] ?? 0
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
