import { shortestTrendMs, trendPresetMs, trendPresets } from '../../../../shared/contract/trends'
import type { TrendPreset } from '../../../../shared/contract/trends'

/**
 * The time a chart shows. A live window ends now and moves with the clock, new readings appended
 * as they arrive (every preset is live); a custom range or a zoomed window stays where it was put.
 */
export interface TrendWindow {
  from: number
  to: number
  live: boolean
  /** The preset button it was chosen with, if any. */
  preset: TrendPreset | null
}

export function presetWindow(preset: TrendPreset, now: number): TrendWindow {
  return { from: now - trendPresetMs[preset], to: now, live: true, preset }
}

export const fixedWindow = (from: number, to: number): TrendWindow => ({ from, to, live: false, preset: null })

/** The same window moved up to `now` when it is live (same span); a fixed window stays as it is. */
export const windowAt = (window: TrendWindow, now: number): TrendWindow =>
  window.live ? { ...window, from: now - (window.to - window.from), to: now } : window

/** A dragged selection as a window of its own: at least the shortest span a trend may have, inside what was shown. */
export function zoomedWindow(shown: TrendWindow, a: number, b: number): TrendWindow {
  let from = Math.max(shown.from, Math.min(a, b))
  let to = Math.min(shown.to, Math.max(a, b))
  if (to - from < shortestTrendMs) {
    const middle = (from + to) / 2
    from = middle - shortestTrendMs / 2
    to = from + shortestTrendMs
  }
  return fixedWindow(Math.round(from), Math.round(to))
}

const eightHours = trendPresetMs['8h']
const quarterHour = trendPresetMs['15m']

/**
 * A permit's chart opens on its working time: since it became active or the last 8 hours,
 * whichever is shorter, ending now (live) or when the permit ended. A permit that was never
 * active shows 8 hours; one active for a few minutes at least the shortest preset.
 */
export function permitWindow(activeSince: number | null, endedAt: number | null, now: number): TrendWindow {
  const to = endedAt ?? now
  const span = Math.max(Math.min(to - (activeSince ?? to - eightHours), eightHours), quarterHour)
  if (endedAt !== null) return fixedWindow(to - span, to)
  const preset = trendPresets.find((candidate) => trendPresetMs[candidate] === span) ?? null
  return { from: now - span, to: now, live: true, preset }
}

/** Whether two windows show the same: live ones the same span up to now, fixed ones the same times. */
export function sameWindow(a: TrendWindow | null, b: TrendWindow | null): boolean {
  if (a === null || b === null) return a === b
  if (a.live !== b.live || a.preset !== b.preset) return false
  return a.live ? a.to - a.from === b.to - b.from : a.from === b.from && a.to === b.to
}
