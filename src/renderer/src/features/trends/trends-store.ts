import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { TrendSubject } from '../../../../shared/contract/trends'
import { toChartTrend, type ChartTrend } from './chart-trend'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { ClockStore } from '../../live/clock-store'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import { liveReadingsDelayMs } from '../../live/permit-events'
import { fewestColumns, mergeTail, mostColumns, tailRequest } from './trend-buffer'
import { sameWindow, windowAt, zoomedWindow } from './trend-window'
import type { TrendWindow } from './trend-window'

export interface TrendsState {
  subject: TrendSubject | null
  window: TrendWindow | null
  /** The window before the first drag-to-zoom, which Reset zoom goes back to; null when not zoomed. */
  unzoomed: TrendWindow | null
  /** The chart's plot width in pixels: the server returns at most four points per pixel column. */
  width: number | null
  trend: ChartTrend | null
  loading: boolean
  problem: string | null
  /** Follows readings, alarms and entries while the chart is on screen; the returned function stops that and forgets it. */
  open(): () => void
  /** A subject and window of their own (a new subject, a preset, a custom range): any zoom is forgotten. */
  show(subject: TrendSubject, window: TrendWindow): void
  /** Zooms into a dragged selection of what is shown. */
  zoom(from: number, to: number): void
  resetZoom(): void
  /** The plot's measured width; a changed width asks again, so every pixel column has its points. */
  measure(width: number): void
}

export type TrendsStore = StoreApi<TrendsState>

/** A live chart without readings still moves with the clock this often (and catches a new permit on a space). */
export const trendTickMs = 5_000

const closed = {
  subject: null,
  window: null,
  unzoomed: null,
  trend: null,
  loading: false,
  problem: null,
} satisfies Partial<TrendsState>

const sameSubject = (a: TrendSubject | null, b: TrendSubject): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The chart of the Gas page's Trends tab and of a permit's page (never both on screen at once). */
export function createTrendsStore({ api, transport }: Connection, clock: ClockStore): TrendsStore {
  // Bumped whenever what is asked for changes, so an answer for an earlier chart is dropped.
  let generation = 0
  // Whether the next load must read the whole window (a new subject, window or width) or only its tail.
  let whole = true
  const now = () => Date.now() + clock.getState().offsetMs

  return createStore<TrendsState>()((set, get) => {
    const loadWhole = async (subject: TrendSubject, shown: TrendWindow, width: number): Promise<void> => {
      const asked = generation
      const window = windowAt(shown, now())
      set({ loading: true, window })
      try {
        const trend = toChartTrend(await api.trends.query({ subject, from: window.from, to: window.to, width }))
        if (asked !== generation) return
        whole = false
        set({ trend, loading: false, problem: null })
      } catch (error) {
        if (asked !== generation) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    /** Only what arrived since the newest point, merged into the buffer: the chart is not drawn again from scratch. */
    const loadTail = async (
      subject: TrendSubject,
      trend: ChartTrend,
      shown: TrendWindow,
      width: number,
    ): Promise<void> => {
      const asked = generation
      const at = now()
      const window = windowAt(shown, at)
      const tail = tailRequest(trend, window.from, at)
      if (!tail) return loadWhole(subject, shown, width)
      try {
        const answer = toChartTrend(await api.trends.query({ subject, ...tail }))
        if (asked !== generation) return
        const current = get().trend
        if (!current) return
        set({ trend: mergeTail(current, answer, window.from), window, problem: null })
      } catch (error) {
        if (asked !== generation) return
        set({ problem: toProblem(error).message })
      }
    }

    const load = async (): Promise<void> => {
      const { subject, window, width, trend } = get()
      if (!subject || !window || width === null) return
      if (whole || !trend) return loadWhole(subject, window, width)
      if (window.live) return loadTail(subject, trend, window, width)
    }

    let refresh = coalescedRefresh(load)
    const reload = () => {
      generation++
      whole = true
      void refresh.now()
    }

    return {
      ...closed,
      width: null,

      open() {
        const current = coalescedRefresh(load)
        refresh = current
        const live = coalescedRefresh(() => current.now(), liveReadingsDelayMs)
        // Whether a permit's news can change this chart: its permit, a permit already on it, or any for an instrument.
        const concerns = ({ permitId }: { permitId: number }) => {
          const { subject, trend, window } = get()
          if (!subject || !window?.live) return false
          if (subject.kind === 'permit') return subject.permitId === permitId
          if (subject.kind === 'instrument') return true
          return trend?.series.some((series) => series.permitId === permitId) ?? false
        }
        const follow = (event: { permitId: number }) => {
          if (concerns(event)) live.soon()
        }
        const unsubscribes = [
          transport.subscribe('readings.recorded', follow),
          transport.subscribe('alarms.raised', follow),
          transport.subscribe('alarms.changed', follow),
          transport.subscribe('entries.changed', follow),
        ]
        const stopTicking = pollEvery(live, trendTickMs)
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopTicking()
          live.stop()
          current.stop()
          generation++
          set(closed)
        }
      },

      show(subject, window) {
        if (sameSubject(get().subject, subject) && sameWindow(get().window, window)) return
        const keep = sameSubject(get().subject, subject)
        set({ subject, window, unzoomed: null, ...(keep ? {} : { trend: null }) })
        reload()
      },

      zoom(from, to) {
        const { window, unzoomed } = get()
        if (!window) return
        set({ window: zoomedWindow(window, from, to), unzoomed: unzoomed ?? window })
        reload()
      },

      resetZoom() {
        const { unzoomed } = get()
        if (!unzoomed) return
        set({ window: unzoomed, unzoomed: null })
        reload()
      },

      measure(width) {
        const columns = Math.min(mostColumns, Math.max(fewestColumns, Math.round(width)))
        if (columns === get().width) return
        set({ width: columns })
        reload()
      },
    }
  })
}
