const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/** A tick step on the workstation's calendar: so many minutes, hours, days or months. */
type Step = { unit: 'minute' | 'hour' | 'day' | 'month'; count: number; approxMs: number }

const steps: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((count) => ({ unit: 'minute' as const, count, approxMs: count * minute })),
  ...[1, 2, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count, approxMs: count * hour })),
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, approxMs: count * day })),
  ...[1, 2, 3, 6].map((count) => ({ unit: 'month' as const, count, approxMs: count * 30 * day })),
]

function next(tick: Date, step: Step): Date {
  const [y, m, d, h, min] = [tick.getFullYear(), tick.getMonth(), tick.getDate(), tick.getHours(), tick.getMinutes()]
  if (step.unit === 'month') return new Date(y, m + step.count, 1)
  if (step.unit === 'day') return new Date(y, m, d + step.count)
  // Counted on the wall clock, so ticks stay on whole hours across a change of summer time.
  return new Date(y, m, d, h, min + (step.unit === 'hour' ? step.count * 60 : step.count))
}

/** The first tick at or after `from`: counted from a round start (the year for months, else the day). */
function firstTick(from: number, step: Step): Date {
  const start = new Date(from)
  let tick =
    step.unit === 'month'
      ? new Date(start.getFullYear(), 0, 1)
      : new Date(start.getFullYear(), start.getMonth(), start.getDate())
  while (tick.getTime() < from) tick = next(tick, step)
  return tick
}

/**
 * Time-axis ticks on round local times (whole minutes, hours, midnights, the first of a month),
 * at most `most` of them, so every label has room: the same for every panel of a chart.
 */
export function timeTicks(from: number, to: number, most: number): number[] {
  const span = to - from
  const step = steps.find((candidate) => span / candidate.approxMs <= most) ?? steps[steps.length - 1]
  if (!step) return []
  const ticks: number[] = []
  for (let tick = firstTick(from, step); tick.getTime() <= to && ticks.length <= most; tick = next(tick, step))
    ticks.push(tick.getTime())
  return ticks
}
