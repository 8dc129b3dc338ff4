import type { TrendBand } from '../../../../shared/contract/trends'
import type { ChartTrend, TrendPoint } from './chart-trend'
import { gases, gasInfo } from '../../../../shared/domain/gases'
import type { Gas } from '../../../../shared/domain/gases'
import { seriesKey } from './trend-buffer'

export type TrendAlarm = ChartTrend['alarms'][number]

/** One instrument's line in a gas's panel. */
export interface PanelLine {
  key: string
  instrumentId: number
  serial: string
  permitNumber: string
  /** What the legend and the readout call it: the serial, with the permit when the chart has several. */
  label: string
  /** Position in the chart's instruments, so an instrument has one colour in every panel. */
  colour: number
  /** [time, value]; a null value is a gap, drawn as a break in the line. */
  points: TrendPoint[]
  /** Positions of readings with a gap on both sides: no line reaches them, so they are drawn as dots. */
  isolated: ReadonlySet<number> | null
}

const isolatedCache = new WeakMap<TrendPoint[], ReadonlySet<number> | null>()

/**
 * A monitor logging less often than the site's silence limit (a datalog every few minutes, seen
 * over a short window) has a gap between every two readings: without dots it would not show at all.
 */
function isolatedOf(points: TrendPoint[]): ReadonlySet<number> | null {
  if (isolatedCache.has(points)) return isolatedCache.get(points) ?? null
  const found = new Set<number>()
  points.forEach(([, value], index) => {
    if (value !== null && (points[index - 1]?.[1] ?? null) === null && (points[index + 1]?.[1] ?? null) === null)
      found.add(index)
  })
  const isolated = found.size > 0 ? found : null
  isolatedCache.set(points, isolated)
  return isolated
}

/** What one gas's panel draws; the chart only draws, it never aggregates. */
export interface GasPanel {
  gas: Gas
  lines: PanelLine[]
  bands: TrendBand[]
  /** This gas's alarms, and those of no gas (a silent monitor), which concern every panel. */
  alarms: TrendAlarm[]
  /** The lowest and highest of every point and band: what the value axis must show. */
  extent: [number, number]
}

/** A panel's value axis: from tick to tick, with round values along it. */
export interface ValueAxis {
  domain: [number, number]
  ticks: number[]
}

/** The least a panel's value axis spans, so a steady reading is a flat line mid-panel, not noise blown up. */
const leastSpan: Record<Gas, number> = { o2: 1, lel: 5, h2s: 5, co: 5 }

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into at most `most` parts. */
function roundStep(span: number, most: number): number {
  const power = 10 ** Math.floor(Math.log10(span / most))
  for (const candidate of [1, 2, 2.5, 5, 10]) if (span / (candidate * power) <= most) return candidate * power
  return 10 * power
}

/**
 * A panel's value axis over its extent with a little room (a line on a limit is not drawn on the
 * frame), never beyond what the instrument can read, and round ticks inside it, at most `most`
 * intervals (fewer on a short panel, so no tick label is hidden). A steady reading gets the gas's
 * least span, so noise is not blown up to fill the panel.
 */
export function valueAxis(gas: Gas, [lowest, highest]: [number, number], most: number): ValueAxis {
  const { min, max } = gasInfo[gas]
  let low = lowest
  let high = highest
  if (high - low < leastSpan[gas]) {
    const middle = (high + low) / 2
    low = middle - leastSpan[gas] / 2
    high = middle + leastSpan[gas] / 2
  }
  const room = (high - low) * 0.06
  const from = Math.max(min, low - room)
  const to = Math.min(max, high + room)
  const step = roundStep(to - from, most)
  const ticks: number[] = []
  // Counted in steps, so 0.1 + 0.2 never shows as 0.30000000000000004.
  for (let index = Math.ceil(from / step); index * step <= to; index++) ticks.push(Number((index * step).toFixed(6)))
  return { domain: [from, to], ticks }
}

function extremes(points: readonly TrendPoint[], into: number[]): void {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const [, value] of points) {
    if (value === null) continue
    if (value < low) low = value
    if (value > high) high = value
  }
  if (low <= high) into.push(low, high)
}

/** The four gas panels of a trend, in test order, each with its lines, bands and alarms. */
export function gasPanels(trend: ChartTrend): GasPanel[] {
  const instruments: number[] = []
  for (const series of trend.series)
    if (!instruments.includes(series.instrumentId)) instruments.push(series.instrumentId)
  const permits = new Set(trend.series.map((series) => series.permitId))
  return gases.map((gas) => {
    const lines = trend.series
      .filter((series) => series.gas === gas)
      .map((series) => ({
        key: seriesKey(series),
        instrumentId: series.instrumentId,
        serial: series.serial,
        permitNumber: series.permitNumber,
        label: permits.size > 1 ? `${series.serial} on ${series.permitNumber}` : series.serial,
        colour: instruments.indexOf(series.instrumentId),
        points: series.points,
        isolated: isolatedOf(series.points),
      }))
    const bands = trend.bands.filter((band) => band.gas === gas)
    const values: number[] = bands.map((band) => band.value)
    for (const line of lines) extremes(line.points, values)
    return {
      gas,
      lines,
      bands,
      alarms: trend.alarms.filter((alarm) => alarm.gas === gas || alarm.gas === null),
      extent: values.length > 0 ? [Math.min(...values), Math.max(...values)] : [gasInfo[gas].min, gasInfo[gas].min],
    }
  })
}

/** What a line read around `time` (within `reach` ms either side): its lowest and highest value, a gap, or nothing. */
export type ValuesNear = { low: number; high: number } | 'gap' | null

function firstAtOrAfter(points: readonly TrendPoint[], time: number): number {
  let low = 0
  let high = points.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((points[middle]?.[0] ?? 0) < time) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The readings of a line under the pointer: a pixel column holds up to four points (its first,
 * lowest, highest and last), so the readout gives the column's range, exact, not one of them.
 */
export function valuesNear(points: readonly TrendPoint[], time: number, reach: number): ValuesNear {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  let gap = false
  for (let index = firstAtOrAfter(points, time - reach); index < points.length; index++) {
    const point = points[index]
    if (!point || point[0] > time + reach) break
    if (point[1] === null) gap = true
    else {
      low = Math.min(low, point[1])
      high = Math.max(high, point[1])
    }
  }
  if (low <= high) return { low, high }
  return gap ? 'gap' : null
}
