import type { TrendResolution } from '../../shared/contract/trends'
import { hourMs, minuteMs } from '../readings/reading-store'

/** Monitors log about once a second; the raw readings serve while that gives at most four a column. */
const rawReadingMs = 1000

export interface TrendPlan {
  resolution: TrendResolution
  columnMs: number
  /** A silence longer than this is a gap: at least the feed's own limit, one period and two columns. */
  gapMs: number
}

/**
 * Raw readings, minute or hour rollups: the finest source that gives at most about four values a
 * pixel column (a rollup period gives four: first, lowest, highest, last), so a query reads a few
 * thousand rows per series whatever the window, from 15 minutes to a year.
 */
export function planTrend(from: number, to: number, width: number, feedGapMs: number): TrendPlan {
  const columnMs = (to - from) / width
  const resolution: TrendResolution =
    columnMs <= 4 * rawReadingMs ? 'raw' : columnMs <= 4 * minuteMs ? 'minute' : 'hour'
  const periodMs = resolution === 'raw' ? rawReadingMs : resolution === 'minute' ? minuteMs : hourMs
  return { resolution, columnMs, gapMs: Math.max(feedGapMs, 2 * periodMs, 2 * columnMs) }
}
