import { formatDuration } from '../../../shared/domain/atmosphere'

export type TimeLeftTone = 'pending' | 'running' | 'ending' | 'ended'

export interface TimeLeft {
  text: string
  tone: TimeLeftTone
}

/** Under this much validity left, the card warns: time to plan the exit or a new permit. */
export const endingSoonMs = 30 * 60_000

/** To the second, or to the minute (down: never more time than there is) once a minute or more. */
export type Precision = 'seconds' | 'minutes'

const rounded = (ms: number, precision: Precision): string =>
  formatDuration(precision === 'minutes' && ms >= 60_000 ? Math.floor(ms / 60_000) * 60_000 : ms)

/** Time left to a permit's end, as of the server's `now`. */
export function timeLeft(validFrom: number, validTo: number, now: number, precision: Precision = 'seconds'): TimeLeft {
  if (now < validFrom) return { text: `Starts in ${rounded(validFrom - now, precision)}`, tone: 'pending' }
  if (now >= validTo) return { text: `Validity ended ${rounded(now - validTo, precision)} ago`, tone: 'ended' }
  const left = validTo - now
  return { text: `${rounded(left, precision)} left`, tone: left <= endingSoonMs ? 'ending' : 'running' }
}

/** "4 min ago", "1 h 12 min ago": how old a test is, to the minute. */
export function formatAge(ageMs: number): string {
  if (ageMs < 0) return `dated ${formatDuration(Math.ceil(-ageMs / 60_000) * 60_000)} in the future`
  if (ageMs < 60_000) return 'less than 1 min ago'
  return `${formatDuration(Math.floor(ageMs / 60_000) * 60_000)} ago`
}

/** "12 s ago": how old a live reading is, to the second while it is under a minute. */
export function formatReadingAge(ageMs: number): string {
  if (ageMs >= 60_000 || ageMs < 0) return formatAge(ageMs)
  return ageMs < 1000 ? 'just now' : `${String(Math.floor(ageMs / 1000))} s ago`
}
