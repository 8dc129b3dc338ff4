import { describe, expect, it } from 'vitest'
import { permitWindow, windowAt, zoomedWindow } from '../../src/renderer/src/features/trends/trend-window'

const minute = 60_000
const hour = 60 * minute
const now = Date.UTC(2026, 2, 12, 14, 0)

describe('the window a chart opens on', () => {
  it('shows a permit since it became active when that is under 8 hours, following now', () => {
    expect(permitWindow(now - 3 * hour, null, now)).toEqual({ from: now - 3 * hour, to: now, live: true, preset: null })
  })

  it('shows a permit’s last 8 hours when it has been active longer, or was never active', () => {
    expect(permitWindow(now - 30 * hour, null, now)).toEqual({
      from: now - 8 * hour,
      to: now,
      live: true,
      preset: '8h',
    })
    expect(permitWindow(null, null, now)).toEqual({ from: now - 8 * hour, to: now, live: true, preset: '8h' })
  })

  it('ends a closed permit’s window where it closed, and never shows less than 15 minutes', () => {
    const closedAt = now - 2 * hour
    expect(permitWindow(closedAt - 2 * hour, closedAt, now)).toEqual({
      from: closedAt - 2 * hour,
      to: closedAt,
      live: false,
      preset: null,
    })
    expect(permitWindow(now - 30_000, null, now)).toEqual({
      from: now - 15 * minute,
      to: now,
      live: true,
      preset: '15m',
    })
  })

  it('zooms into a dragged selection inside what was shown, at least a minute wide', () => {
    const shown = { from: now - hour, to: now, live: true, preset: '1h' as const }
    expect(zoomedWindow(shown, now - 10 * minute, now - 40 * minute)).toEqual({
      from: now - 40 * minute,
      to: now - 10 * minute,
      live: false,
      preset: null,
    })
    expect(zoomedWindow(shown, now - 2 * hour, now - 50 * minute).from).toBe(now - hour)
    const narrow = zoomedWindow(shown, now - 10 * minute, now - 10 * minute + 5_000)
    expect(narrow.to - narrow.from).toBe(minute)
  })

  it('moves a live window up to now and leaves a fixed one where it is', () => {
    const live = { from: now - hour, to: now, live: true, preset: '1h' as const }
    expect(windowAt(live, now + minute)).toEqual({ ...live, from: now - hour + minute, to: now + minute })
    const fixed = { from: now - hour, to: now, live: false, preset: null }
    expect(windowAt(fixed, now + minute)).toBe(fixed)
  })
})
