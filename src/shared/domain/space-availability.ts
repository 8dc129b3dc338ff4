import type { PermitState } from './permit-lifecycle'

/** What a person decides about a space. Everything else about it comes from the records. */
export const spaceServiceStatuses = ['in_service', 'locked_out', 'out_of_service'] as const
export type SpaceServiceStatus = (typeof spaceServiceStatuses)[number]

export const spaceServiceStatusLabels: Record<SpaceServiceStatus, string> = {
  in_service: 'In service',
  locked_out: 'Locked out',
  out_of_service: 'Out of service',
}

export interface SpaceOccupancy {
  /** People recorded inside, from the entry log, on any permit of the space. */
  headcount: number
  permit: { id: number; number: string; state: PermitState } | null
}

export const spaceAvailabilities = ['occupied', 'permit_open', 'available', 'locked_out', 'out_of_service'] as const
export type SpaceAvailability = (typeof spaceAvailabilities)[number]

export const spaceAvailabilityLabels: Record<SpaceAvailability, string> = {
  occupied: 'Occupied',
  permit_open: 'Permit open',
  available: 'Available',
  locked_out: 'Locked out',
  out_of_service: 'Out of service',
}

/**
 * People inside outrank everything: a space someone is in is occupied whatever else was set by
 * hand (that contradiction is exactly what a supervisor must see). Then the hand-set status,
 * then an open permit.
 */
export function spaceAvailability(status: SpaceServiceStatus, occupancy: SpaceOccupancy): SpaceAvailability {
  if (occupancy.headcount > 0) return 'occupied'
  if (status !== 'in_service') return status
  return occupancy.permit ? 'permit_open' : 'available'
}
