import { formatDayMark, formatMonthMark, formatTimeOfDay } from '../../format/time'

// Tick labels in the console's one style (this workstation's zone): a clock time, or the date where a day begins.

const longSpanMs = 60 * 86_400_000

/** A time-axis label: "14:00", "12 Mar" at midnight, "Mar 2026" at a month's start on long spans. */
export function formatTimeTick(time: number, spanMs: number): string {
  const date = new Date(time)
  const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0
  if (midnight && spanMs >= longSpanMs && date.getDate() === 1) return formatMonthMark(time)
  return midnight ? formatDayMark(time) : formatTimeOfDay(time)
}
