import type { ChartSeries, ChartTrend, TrendPoint } from './chart-trend'
import { shortestTrendMs, trendWidthSchema } from '../../../../shared/contract/trends'

/** One line of a chart: one gas from one instrument on one permit. */
export const seriesKey = (series: Pick<ChartSeries, 'gas' | 'instrumentId' | 'permitId'>): string =>
  `${series.gas}:${String(series.instrumentId)}:${String(series.permitId)}`

/** The pixel columns a trend query takes. */
export const fewestColumns = trendWidthSchema.minValue ?? 50
export const mostColumns = trendWidthSchema.maxValue ?? 4000

/** The time of the newest point of any series, or null when there is none. */
function newestPoint(trend: ChartTrend): number | null {
  let newest: number | null = null
  for (const series of trend.series) {
    const last = series.points.at(-1)
    if (last && (newest === null || last[0] > newest)) newest = last[0]
  }
  return newest
}

/**
 * What a live chart asks for when readings arrive: from the start of the column holding its newest
 * point to `now`, in the chart's own columns (so appended points are as dense as the rest), and at
 * least as long as a trend query may be. Null when a whole new query is the better answer.
 */
export function tailRequest(
  trend: ChartTrend,
  windowFrom: number,
  now: number,
): { from: number; to: number; width: number } | null {
  const column = trend.columnMs
  // The clock went back (the server's clock was learnt meanwhile): the buffer no longer fits.
  if (now < trend.to) return null
  // Whole milliseconds (a column is rarely a whole number of them): times cross the wire as integers.
  const onGrid = (time: number) => Math.floor(trend.from + Math.floor((time - trend.from) / column) * column)
  const newest = newestPoint(trend) ?? trend.to
  const shortest = Math.max(shortestTrendMs, fewestColumns * column)
  const from = Math.max(onGrid(Math.min(newest, now - shortest)), onGrid(windowFrom))
  const width = Math.ceil((now - from) / column)
  if (now - from < shortestTrendMs || width > mostColumns) return null
  return { from, to: now, width: Math.max(width, fewestColumns) }
}

type Occupied = ChartTrend['occupied'][number]

/** Overlapping or touching stays of one permit become one (a stay clipped at a query's edge meets its other half). */
function joinStays(stays: readonly Occupied[]): Occupied[] {
  const end = (stay: Occupied) => stay.to ?? Number.POSITIVE_INFINITY
  const sorted = [...stays].sort((a, b) => a.permitNumber.localeCompare(b.permitNumber) || a.from - b.from)
  const joined: Occupied[] = []
  for (const stay of sorted) {
    const last = joined.at(-1)
    if (last && last.permitNumber === stay.permitNumber && stay.from <= end(last)) {
      if (end(stay) > end(last)) joined[joined.length - 1] = { ...last, to: stay.to }
    } else joined.push(stay)
  }
  return joined.sort((a, b) => a.from - b.from)
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * A live chart's data after a tail query: each series keeps its points before the tail and takes
 * the tail's from there on; everything left of the window is dropped, so the buffer stays about
 * the window's columns long however long the chart stays open. A series whose points did not
 * change keeps its array, so its line is not drawn again.
 */
export function mergeTail(current: ChartTrend, tail: ChartTrend, windowFrom: number): ChartTrend {
  const tailSeries = new Map(tail.series.map((series) => [seriesKey(series), series]))
  const keep = (points: TrendPoint[]): TrendPoint[] => {
    let start = 0
    while (start < points.length && (points[start]?.[0] ?? 0) < windowFrom) start++
    let end = points.length
    while (end > start && (points[end - 1]?.[0] ?? 0) >= tail.from) end--
    return start === 0 && end === points.length ? points : points.slice(start, end)
  }
  const series: ChartSeries[] = []
  for (const old of current.series) {
    const key = seriesKey(old)
    const kept = keep(old.points)
    const added = tailSeries.get(key)
    tailSeries.delete(key)
    const points = added && added.points.length > 0 ? [...kept, ...added.points] : kept
    if (points.length === 0) continue
    series.push(points === old.points ? old : { ...old, points })
  }
  for (const added of tailSeries.values()) if (added.points.length > 0) series.push(added)

  const alarms = new Map(
    current.alarms.filter((alarm) => alarm.at >= windowFrom).map((alarm) => [alarm.alarmId, alarm]),
  )
  for (const alarm of tail.alarms) alarms.set(alarm.alarmId, alarm)
  const before = current.occupied
    .filter((stay) => stay.from < tail.from)
    .map((stay) => (stay.to === null || stay.to > tail.from ? { ...stay, to: tail.from } : stay))
  const occupied = joinStays([...before, ...tail.occupied]).filter((stay) => stay.to === null || stay.to >= windowFrom)

  return {
    ...current,
    from: windowFrom,
    to: tail.to,
    series,
    bands: sameJson(current.bands, tail.bands) ? current.bands : tail.bands,
    alarms: [...alarms.values()].sort((a, b) => a.at - b.at),
    occupied: sameJson(current.occupied, occupied) ? current.occupied : occupied,
  }
}
