import type { TrendResolution } from '../../shared/contract/trends'
import { dayMs, hourMs, minuteMs } from '../readings/reading-store'

/** Monitors log about once a second; the raw readings serve while that gives at most four a column. */
const rawReadingMs = 1000

export interface TrendPlan {
  resolution: TrendResolution
  columnMs: number
  /** A silence longer than this is a gap: at least the feed's own limit, one period and two columns. */
  gapMs: number
}

/** Each source's period: raw readings come about once a second. */
export const periodMs: Record<TrendResolution, number> = {
  raw: rawReadingMs,
  minute: minuteMs,
  hour: hourMs,
  day: dayMs,
}

/**
 * Raw readings, or minute, hour or day rollups: the finest source that gives at most about four
 * values a pixel column (a rollup period gives four: first, lowest, highest, last), so a query
 * reads a few thousand rows per series whatever the window, from 15 minutes to a year.
 */
export function planTrend(from: number, to: number, width: number, feedGapMs: number): TrendPlan {
  const columnMs = (to - from) / width
  const resolution = (['raw', 'minute', 'hour'] as const).find((finest) => columnMs <= 4 * periodMs[finest]) ?? 'day'
  return { resolution, columnMs, gapMs: Math.max(feedGapMs, 2 * periodMs[resolution], 2 * columnMs) }
}
