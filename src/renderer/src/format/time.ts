import { formatDuration } from '../../../shared/domain/atmosphere'

/*
 * The console's one way of writing a moment. Stored times are UTC epoch ms; people read them in
 * this workstation's zone and language, on a 24-hour clock unless the workstation's locale asks
 * for another hour cycle itself (a locale such as "en-US-u-hc-h12"). The named styles:
 *   formatTime       date and time to the second: records, signatures, the audit trail
 *   formatShortTime  date and time to the minute: tables, cards, dialogs
 *   formatShortDate  a day without a time (a calibration due date)
 *   formatTimeOfDay  the clock alone (the wall display, a chart's time axis)
 *   formatDayMark, formatMonthMark  where a day or a month begins on a chart's time axis
 *   formatRelative   "in 12 min", "3 h 5 min ago", from a moment given as now
 *   formatUtc        the same moment in UTC, for comparing with other systems' records
 * A signed record keeps its own UTC wording (shared/domain/authorization-statement.ts).
 */

type HourCycle = 'h11' | 'h12' | 'h23' | 'h24'

/** The hour cycle the workstation's locale names explicitly, if any; otherwise a 24-hour clock. */
function hourCycle(): HourCycle {
  try {
    const locale = typeof navigator === 'undefined' ? undefined : navigator.language
    return (locale ? new Intl.Locale(locale).hourCycle : undefined) ?? 'h23'
  } catch {
    return 'h23'
  }
}

const cycle = hourCycle()
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: cycle })
const shortDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: cycle })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', hourCycle: cycle })
const dayMark = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const monthMark = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' })

export const formatTime = (epochMs: number): string => dateTime.format(epochMs)

/** For tables and cards where seconds are noise. */
export const formatShortTime = (epochMs: number): string => shortDateTime.format(epochMs)

/** For days that carry no time of their own (a calibration due date). */
export const formatShortDate = (epochMs: number): string => dateOnly.format(epochMs)

/** The clock alone, for a display that shows today only. */
export const formatTimeOfDay = (epochMs: number): string => timeOfDay.format(epochMs)

/** "12 Mar": a day's beginning on a time axis. */
export const formatDayMark = (epochMs: number): string => dayMark.format(epochMs)

/** "Mar 2026": a month's beginning on a long time axis. */
export const formatMonthMark = (epochMs: number): string => monthMark.format(epochMs)

/** "in 12 min", "3 h 5 min ago", "now": to the minute, never sooner than it is. */
export function formatRelative(epochMs: number, now: number): string {
  const minutes = Math.floor(Math.abs(epochMs - now) / 60_000)
  if (minutes === 0) return 'now'
  const span = formatDuration(minutes * 60_000)
  return epochMs > now ? `in ${span}` : `${span} ago`
}

/** This workstation's zone as people name it ("Europe/Berlin"), shown wherever local times are. */
export const workstationZone = (): string => dateTime.resolvedOptions().timeZone

/** The same moment in UTC, to the second, for comparing with other systems' records. */
export const formatUtc = (epochMs: number): string =>
  `${new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`
