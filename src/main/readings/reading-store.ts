import type { Statement } from 'better-sqlite3'
import type { Sqlite } from '../db/database'

/** The rollup periods kept beside the readings. */
export const minuteMs = 60_000
export const hourMs = 3_600_000
export const dayMs = 86_400_000

/** One gas over one period: what reading_rollups_minute, _hour and _day hold (values in storage steps). */
export interface RollupCell {
  n: number
  low: number
  high: number
  first: number
  firstAt: number
  last: number
  lastAt: number
  total: number
}

/** A period's cells, one per gas in `gases` order; null: that gas was not measured in it. */
type PeriodCells = (RollupCell | null)[]

/** One monitor's readings for one permit within a batch. */
interface Series {
  permitId: number
  instrumentId: number
  minutes: Map<number, PeriodCells>
  /** The newest value of each gas and when it was taken; null: not measured in the batch. */
  newest: (number | null)[]
  newestAt: number[]
}

/** Adds one value to a period's cell for a gas: the rules a recomputation from the readings follows. */
function addValue(cells: PeriodCells, gas: number, value: number, at: number): void {
  const cell = cells[gas]
  if (!cell) {
    cells[gas] = { n: 1, low: value, high: value, first: value, firstAt: at, last: value, lastAt: at, total: value }
    return
  }
  cell.n += 1
  cell.total += value
  if (value < cell.low) cell.low = value
  if (value > cell.high) cell.high = value
  if (at < cell.firstAt) {
    cell.first = value
    cell.firstAt = at
  }
  if (at >= cell.lastAt) {
    cell.last = value
    cell.lastAt = at
  }
}

/** Folds a minute's cell into its hour's: the same rules as addValue, for a whole cell. */
function mergeCell(into: PeriodCells, gas: number, cell: RollupCell): void {
  const known = into[gas]
  if (!known) {
    into[gas] = { ...cell }
    return
  }
  known.n += cell.n
  known.total += cell.total
  if (cell.low < known.low) known.low = cell.low
  if (cell.high > known.high) known.high = cell.high
  if (cell.firstAt < known.firstAt) {
    known.first = cell.first
    known.firstAt = cell.firstAt
  }
  if (cell.lastAt >= known.lastAt) {
    known.last = cell.last
    known.lastAt = cell.lastAt
  }
}

/** An upsert that merges a batch's cell into the stored one by the same rules (SET reads the old row). */
const upsertRollup = (table: string) =>
  `insert into ${table} (permit_id, instrument_id, gas, starts_at, n, low, high, first, first_at, last, last_at, total)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   on conflict (permit_id, instrument_id, gas, starts_at) do update set
     n = n + excluded.n,
     low = min(low, excluded.low),
     high = max(high, excluded.high),
     first = iif(excluded.first_at < first_at, excluded.first, first),
     first_at = min(first_at, excluded.first_at),
     last = iif(excluded.last_at >= last_at, excluded.last, last),
     last_at = max(last_at, excluded.last_at),
     total = total + excluded.total`

/**
 * Where continuous readings are written, by every path (live ingest, the simulator, datalog
 * imports): each reading once (a reading already stored for the same permit, instrument and
 * millisecond is not stored again), and with it, in the caller's transaction, the per-minute,
 * per-hour and per-day rollups and the live values. A batch collects in memory and is written by `finish`.
 */
export function createReadingStore(sqlite: Sqlite) {
  const insertReading = sqlite.prepare(
    'insert or ignore into monitor_readings (permit_id, instrument_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const upsertMinute = sqlite.prepare(upsertRollup('reading_rollups_minute'))
  const upsertHour = sqlite.prepare(upsertRollup('reading_rollups_hour'))
  const upsertDay = sqlite.prepare(upsertRollup('reading_rollups_day'))
  const upsertLive = sqlite.prepare(
    `insert into live_values (permit_id, instrument_id, gas, value, taken_at, simulated) values (?, ?, ?, ?, ?, ?)
     on conflict (permit_id, instrument_id, gas) do update set value = excluded.value, taken_at = excluded.taken_at, simulated = excluded.simulated
     where excluded.taken_at >= live_values.taken_at`,
  )

  /** A batch being written: call add for each reading, then finish, all inside one transaction. */
  function batch() {
    const series = new Map<number, Series>()
    let stored = 0
    let alreadyStored = 0
    // Consecutive readings nearly always share the monitor and the minute: both are remembered.
    let lastSeries: Series | null = null
    let lastMinute = -1
    let lastCells: PeriodCells | null = null

    function seriesOf(permitId: number, instrumentId: number): Series {
      if (lastSeries?.permitId === permitId && lastSeries.instrumentId === instrumentId) return lastSeries
      // Ids stay far below 2^26: one number keys the two.
      const key = permitId * 2 ** 26 + instrumentId
      let found = series.get(key)
      if (!found) {
        found = { permitId, instrumentId, minutes: new Map(), newest: [null, null, null, null], newestAt: [0, 0, 0, 0] }
        series.set(key, found)
      }
      lastSeries = found
      lastMinute = -1
      return found
    }

    return {
      /**
       * Stores one reading, its gases in `gases` order as storage steps (null: not measured);
       * false when it was already stored (and so counts nowhere again).
       */
      add(
        permitId: number,
        instrumentId: number,
        takenAt: number,
        recordedLagMs: number,
        steps: readonly (number | null)[],
        flags: number,
      ): boolean {
        const o2 = steps[0] ?? null
        const lel = steps[1] ?? null
        const h2s = steps[2] ?? null
        const co = steps[3] ?? null
        const { changes } = insertReading.run(permitId, instrumentId, takenAt, recordedLagMs, o2, lel, h2s, co, flags)
        if (changes === 0) {
          alreadyStored += 1
          return false
        }
        stored += 1
        const own = seriesOf(permitId, instrumentId)
        const minute = takenAt - (takenAt % minuteMs)
        if (minute !== lastMinute || !lastCells) {
          lastCells = own.minutes.get(minute) ?? null
          if (!lastCells) {
            lastCells = [null, null, null, null]
            own.minutes.set(minute, lastCells)
          }
          lastMinute = minute
        }
        for (let gas = 0; gas < 4; gas++) {
          const value = steps[gas]
          if (value === null || value === undefined) continue
          addValue(lastCells, gas, value, takenAt)
          if (takenAt >= (own.newestAt[gas] ?? 0)) {
            own.newest[gas] = value
            own.newestAt[gas] = takenAt
          }
        }
        return true
      },
      /** Writes the batch's rollups and live values; returns what was stored and what was there already. */
      finish(simulated: boolean): { stored: number; alreadyStored: number } {
        for (const { permitId, instrumentId, minutes, newest, newestAt } of series.values()) {
          const hours = new Map<number, PeriodCells>()
          for (const [minute, cells] of minutes) {
            const hour = minute - (minute % hourMs)
            let hourCells = hours.get(hour)
            if (!hourCells) {
              hourCells = [null, null, null, null]
              hours.set(hour, hourCells)
            }
            for (let gas = 0; gas < cells.length; gas++) {
              const cell = cells[gas]
              if (!cell) continue
              write(upsertMinute, permitId, instrumentId, gas, minute, cell)
              mergeCell(hourCells, gas, cell)
            }
          }
          const days = new Map<number, PeriodCells>()
          for (const [hour, cells] of hours) {
            const day = hour - (hour % dayMs)
            let dayCells = days.get(day)
            if (!dayCells) {
              dayCells = [null, null, null, null]
              days.set(day, dayCells)
            }
            for (let gas = 0; gas < cells.length; gas++) {
              const cell = cells[gas]
              if (!cell) continue
              write(upsertHour, permitId, instrumentId, gas, hour, cell)
              mergeCell(dayCells, gas, cell)
            }
          }
          for (const [day, cells] of days)
            for (let gas = 0; gas < cells.length; gas++) {
              const cell = cells[gas]
              if (cell) write(upsertDay, permitId, instrumentId, gas, day, cell)
            }
          for (let gas = 0; gas < newest.length; gas++) {
            const value = newest[gas]
            if (value !== null && value !== undefined)
              upsertLive.run(permitId, instrumentId, gas, value, newestAt[gas], simulated ? 1 : 0)
          }
        }
        series.clear()
        return { stored, alreadyStored }
      },
    }
  }

  return { batch }
}

function write(
  statement: Statement<unknown[]>,
  permitId: number,
  instrumentId: number,
  gas: number,
  startsAt: number,
  cell: RollupCell,
): void {
  statement.run(
    permitId,
    instrumentId,
    gas,
    startsAt,
    cell.n,
    cell.low,
    cell.high,
    cell.first,
    cell.firstAt,
    cell.last,
    cell.lastAt,
    cell.total,
  )
}

export type ReadingStore = ReturnType<typeof createReadingStore>
