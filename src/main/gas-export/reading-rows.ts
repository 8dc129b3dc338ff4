import type { Statement } from 'better-sqlite3'
import type { GasExportResolution } from '../../shared/contract/gas-export'
import { gases } from '../../shared/domain/gases'
import { fromSteps, gasStep } from '../../shared/domain/reading-values'
import type { Sqlite } from '../db/database'
import { hourMs, minuteMs } from '../readings/reading-store'
import { gasColumn, isoOf, type ExportRow } from './export-columns'
import type { ExportWindow } from './export-windows'

/** Rows read and written per step: a page of the primary key, then the console gets its turn. */
export const pageRows = 2000

/** monitor_readings.flags bits 1-2, in words. */
const sources = ['field_api', 'import', 'simulator', 'manual'] as const

type RawRow = [
  takenAt: number,
  o2: number | null,
  lel: number | null,
  h2s: number | null,
  co: number | null,
  flags: number,
]
type RollupRow = [startsAt: number, n: number, low: number, high: number, first: number, last: number, total: number]

/** One gas over a span, in storage steps: a rollup row, or the same folded from readings. */
interface Cell {
  n: number
  low: number
  high: number
  first: number
  last: number
  total: number
}

const periodOf = (resolution: Exclude<GasExportResolution, 'raw'>) => (resolution === 'minute' ? minuteMs : hourMs)

/** A mean kept two decimals finer than the gas's step, so it is not rounded to a reading's precision. */
const meanOf = (gas: (typeof gases)[number], cell: Cell) =>
  Number(((cell.total / cell.n) * gasStep[gas]).toFixed(gas === 'o2' ? 4 : 3))

/**
 * The readings of export windows, page by page along the primary key: raw as stored, or per
 * minute or hour from the rollups (whole periods) and from the readings (the part of a period a
 * window cuts, so nothing outside the window is counted). Values in the gas's unit.
 */
export function createReadingRows(sqlite: Sqlite) {
  const rawPage = sqlite
    .prepare(
      'select taken_at, o2, lel, h2s, co, flags from monitor_readings where permit_id = ? and instrument_id = ? and taken_at >= ? and taken_at < ? order by taken_at limit ?',
    )
    .raw() as Statement<unknown[], RawRow>
  const rollupPage = (table: string) =>
    sqlite
      .prepare(
        `select starts_at, n, low, high, first, last, total from ${table}
          where permit_id = ? and instrument_id = ? and gas = ? and starts_at >= ? and starts_at < ? order by starts_at limit ?`,
      )
      .raw() as Statement<unknown[], RollupRow>
  const rollupPages = { minute: rollupPage('reading_rollups_minute'), hour: rollupPage('reading_rollups_hour') }

  /** Raw readings of one monitor in [from, to), a page at a time. */
  function* rawPages(permitId: number, instrumentId: number, from: number, to: number): Generator<RawRow[]> {
    let after = from
    for (;;) {
      const page: RawRow[] = []
      for (const row of rawPage.iterate(permitId, instrumentId, after, to, pageRows)) page.push(row)
      if (page.length > 0) yield page
      const last = page.at(-1)
      if (page.length < pageRows || !last) return
      after = last[0] + 1
    }
  }

  function* raw(window: ExportWindow): Generator<ExportRow[]> {
    const { permit } = window
    for (const instrument of permit.instruments)
      for (const page of rawPages(permit.id, instrument.id, window.from, window.to))
        yield page.map(([takenAt, ...rest]) => {
          const flags = rest[4] ?? 0
          const row: ExportRow = {
            time: isoOf(takenAt),
            time_ms: takenAt,
            permit: permit.number,
            space: permit.spaceTag,
            instrument: instrument.serial,
          }
          gases.forEach((gas, index) => {
            const steps = rest[index] ?? null
            row[gasColumn(gas)] = steps === null ? null : fromSteps(gas, steps)
          })
          row.source = sources[(flags >> 1) & 3] ?? null
          row.simulated = (flags & 1) === 1
          return row
        })
  }

  /** One gas's rollup rows of one monitor in whole periods starting in [from, to), one at a time. */
  function* rollupCells(
    statement: Statement<unknown[], RollupRow>,
    permitId: number,
    instrumentId: number,
    gas: number,
    from: number,
    to: number,
  ): Generator<RollupRow> {
    let after = from
    for (;;) {
      const page = statement.all(permitId, instrumentId, gas, after, to, pageRows)
      yield* page
      const last = page.at(-1)
      if (page.length < pageRows || !last) return
      after = last[0] + 1
    }
  }

  /** The readings of one monitor in [from, to) folded per gas, as a rollup would hold them. */
  function foldReadings(permitId: number, instrumentId: number, from: number, to: number): (Cell | null)[] | null {
    const cells: (Cell | null)[] = [null, null, null, null]
    let any = false
    for (const page of rawPages(permitId, instrumentId, from, to))
      for (const row of page)
        for (let gas = 0; gas < 4; gas++) {
          const value = row[gas + 1] as number | null
          if (value === null) continue
          any = true
          const cell = cells[gas]
          if (!cell) {
            cells[gas] = { n: 1, low: value, high: value, first: value, last: value, total: value }
            continue
          }
          cell.n += 1
          cell.total += value
          cell.low = Math.min(cell.low, value)
          cell.high = Math.max(cell.high, value)
          cell.last = value
        }
    return any ? cells : null
  }

  function rollupRow(
    window: ExportWindow,
    serial: string,
    from: number,
    to: number,
    whole: boolean,
    cells: readonly (Cell | null)[],
  ): ExportRow {
    const row: ExportRow = {
      from: isoOf(from),
      from_ms: from,
      to: isoOf(to),
      to_ms: to,
      whole_period: whole,
      permit: window.permit.number,
      space: window.permit.spaceTag,
      instrument: serial,
    }
    gases.forEach((gas, index) => {
      const cell = cells[index] ?? null
      const column = gasColumn(gas)
      row[`${column}_n`] = cell?.n ?? 0
      row[`${column}_mean`] = cell ? meanOf(gas, cell) : null
      row[`${column}_min`] = cell ? fromSteps(gas, cell.low) : null
      row[`${column}_max`] = cell ? fromSteps(gas, cell.high) : null
      row[`${column}_first`] = cell ? fromSteps(gas, cell.first) : null
      row[`${column}_last`] = cell ? fromSteps(gas, cell.last) : null
    })
    return row
  }

  /**
   * Per minute or hour: the periods wholly inside the window from the rollups, merged across the
   * four gases in time order; a period the window cuts at either end from the readings inside it
   * (left out once retention removed the readings: its rollup would count readings outside).
   */
  function* rolledUp(window: ExportWindow, resolution: Exclude<GasExportResolution, 'raw'>): Generator<ExportRow[]> {
    const period = periodOf(resolution)
    const statement = rollupPages[resolution]
    const { permit } = window
    const wholeFrom = Math.ceil(window.from / period) * period
    const wholeTo = Math.floor(window.to / period) * period
    const splitEdges = permit.rawRemovedAt === null
    for (const instrument of permit.instruments) {
      const edge = (from: number, to: number): ExportRow[] => {
        if (!splitEdges || from >= to) return []
        const cells = foldReadings(permit.id, instrument.id, from, to)
        return cells ? [rollupRow(window, instrument.serial, from, to, false, cells)] : []
      }
      let out: ExportRow[] = edge(window.from, Math.min(wholeFrom, window.to))
      if (wholeFrom < wholeTo) {
        const cursors = gases.map((_, gas) => rollupCells(statement, permit.id, instrument.id, gas, wholeFrom, wholeTo))
        const heads = cursors.map((cursor) => cursor.next())
        for (;;) {
          let startsAt = Number.POSITIVE_INFINITY
          for (const head of heads) if (!head.done && head.value[0] < startsAt) startsAt = head.value[0]
          if (startsAt === Number.POSITIVE_INFINITY) break
          const cells = heads.map((head, gas) => {
            if (head.done || head.value[0] !== startsAt) return null
            const [, n, low, high, first, last, total] = head.value
            heads[gas] = cursors[gas]?.next() ?? head
            return { n, low, high, first, last, total }
          })
          out.push(rollupRow(window, instrument.serial, startsAt, startsAt + period, true, cells))
          if (out.length >= pageRows) {
            yield out
            out = []
          }
        }
      }
      if (wholeTo >= wholeFrom) out.push(...edge(wholeTo, window.to))
      if (out.length > 0) yield out
    }
  }

  return function* readingRows(window: ExportWindow, resolution: GasExportResolution): Generator<ExportRow[]> {
    yield* resolution === 'raw' ? raw(window) : rolledUp(window, resolution)
  }
}
