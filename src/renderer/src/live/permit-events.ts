import type { EventName } from '../../../shared/contract/events'

/** Every event that can change what a permit card shows: its state, its people, its air, an evacuation. */
export const permitCardEvents = [
  'permits.changed',
  'entries.changed',
  'atmosphere.recorded',
  'evacuations.changed',
] as const satisfies readonly EventName[]
