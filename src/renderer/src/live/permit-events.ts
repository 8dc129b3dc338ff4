import type { EventName } from '../../../shared/contract/events'

/** Every event that can change what a permit card shows: its state, its people, its air, an evacuation, an alarm. */
export const permitCardEvents = [
  'permits.changed',
  'entries.changed',
  'atmosphere.recorded',
  'evacuations.changed',
  'alarms.raised',
  'alarms.changed',
] as const satisfies readonly EventName[]

/**
 * Live monitors report about once a second each: a screen follows their readings at most this
 * often, so twenty monitors do not cost twenty reads a second. A breach still arrives at once,
 * as alarms.raised.
 */
export const liveReadingsDelayMs = 1000
