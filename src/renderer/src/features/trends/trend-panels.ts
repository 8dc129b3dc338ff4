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
}

/** What one gas's panel draws; the chart only draws, it never aggregates. */
export interface GasPanel {
  gas: Gas
  lines: PanelLine[]
  bands: TrendBand[]
  /** This gas's alarms, and those of no gas (a silent monitor), which concern every panel. */
  alarms: TrendAlarm[]
  /** The value axis: every point and every band, with room around them. */
  domain: [number, number]
}

/** The least a panel's value axis spans, so a steady reading is a flat line mid-panel, not noise blown up. */
const leastSpan: Record<Gas, number> = { o2: 1, lel: 5, h2s: 5, co: 5 }

function domainOf(gas: Gas, values: readonly number[]): [number, number] {
  if (values.length === 0) return [gasInfo[gas].min, gasInfo[gas].min + leastSpan[gas]]
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (high - low < leastSpan[gas]) {
    const middle = (high + low) / 2
    low = middle - leastSpan[gas] / 2
    high = middle + leastSpan[gas] / 2
  }
  const room = (high - low) * 0.08
  return [Math.max(gasInfo[gas].min, low - room), Math.min(gasInfo[gas].max, high + room)]
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
      }))
    const bands = trend.bands.filter((band) => band.gas === gas)
    const values: number[] = bands.map((band) => band.value)
    for (const line of lines) extremes(line.points, values)
    return {
      gas,
      lines,
      bands,
      alarms: trend.alarms.filter((alarm) => alarm.gas === gas || alarm.gas === null),
      domain: domainOf(gas, values),
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
