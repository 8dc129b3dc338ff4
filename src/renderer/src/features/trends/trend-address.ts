import { longestTrendMs, shortestTrendMs, trendPresets } from '../../../../shared/contract/trends'
import type { TrendPreset, TrendSubject } from '../../../../shared/contract/trends'
import { fixedWindow, presetWindow } from './trend-window'
import type { TrendWindow } from './trend-window'

/** What the Trends tab's address names: `#/gas/trends?space=3&range=30d`, or `...&from=<ms>&to=<ms>`. */
export interface TrendAddress {
  subject: TrendSubject | null
  /** The preset, or a fixed range; null: the tab's default. */
  range: TrendPreset | { from: number; to: number } | null
}

const id = (value: string | null): number | null =>
  value !== null && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null

const time = (value: string | null): number | null =>
  value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null

/** A part the server would refuse is left out (a mistyped link shows the default, never an error). */
export function parseTrendAddress(query: string): TrendAddress {
  const params = new URLSearchParams(query)
  const permitId = id(params.get('permit'))
  const spaceId = id(params.get('space'))
  const instrumentId = id(params.get('instrument'))
  const subject: TrendSubject | null =
    permitId !== null
      ? { kind: 'permit', permitId }
      : spaceId !== null
        ? { kind: 'space', spaceId }
        : instrumentId !== null
          ? { kind: 'instrument', instrumentId }
          : null
  const preset = trendPresets.find((candidate) => candidate === params.get('range')) ?? null
  const from = time(params.get('from'))
  const to = time(params.get('to'))
  const span = from !== null && to !== null ? to - from : null
  const range =
    preset ??
    (span !== null && span >= shortestTrendMs && span <= longestTrendMs ? { from: from ?? 0, to: to ?? 0 } : null)
  return { subject, range }
}

export function addressOf(subject: TrendSubject, window: TrendWindow): TrendAddress {
  return { subject, range: window.preset ?? { from: window.from, to: window.to } }
}

export function trendsHref({ subject, range }: TrendAddress): string {
  const params = new URLSearchParams()
  if (subject?.kind === 'permit') params.set('permit', String(subject.permitId))
  if (subject?.kind === 'space') params.set('space', String(subject.spaceId))
  if (subject?.kind === 'instrument') params.set('instrument', String(subject.instrumentId))
  if (typeof range === 'string') params.set('range', range)
  else if (range) {
    params.set('from', String(range.from))
    params.set('to', String(range.to))
  }
  const query = params.toString()
  return query ? `#/gas/trends?${query}` : '#/gas/trends'
}

/** The Trends tab opens on the last day unless its address says otherwise. */
export const defaultTrendPreset: TrendPreset = '24h'

export function windowOfRange(range: TrendAddress['range'], now: number): TrendWindow {
  if (range === null) return presetWindow(defaultTrendPreset, now)
  return typeof range === 'string' ? presetWindow(range, now) : fixedWindow(range.from, range.to)
}
