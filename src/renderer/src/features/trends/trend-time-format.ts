// Tick labels in this workstation's zone and locale: a clock time, or the date where a day begins.
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const month = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' })

const longSpanMs = 60 * 86_400_000

/** A time-axis label: "14:00", "12 Mar" at midnight, "Mar 2026" at a month's start on long spans. */
export function formatTimeTick(time: number, spanMs: number): string {
  const date = new Date(time)
  const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0
  if (midnight && spanMs >= longSpanMs && date.getDate() === 1) return month.format(date)
  return midnight ? day.format(date) : clock.format(date)
}
