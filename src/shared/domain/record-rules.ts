import type { Role } from '../contract/roles'

/**
 * Record-level rules that both sides read: the server enforces them, and a screen offers an
 * action only when they allow it, so nobody is offered what will be refused.
 */
export interface Caller {
  userId: number
  roles: readonly Role[]
}

/** A refusal as the gate gives it: whose the record is (FORBIDDEN), or what state it is in. */
export interface Refusal {
  code: 'FORBIDDEN' | 'PRECONDITION_FAILED'
  message: string
}

/** Why this caller may not change this attendant's duty status, or null when they may. */
export function dutyChangeRefusal(
  caller: Caller,
  assignment: { userId: number; status: 'assigned' | 'on_duty' | 'relieved' },
): Refusal | null {
  // Attendants change only their own duty; supervisors anyone's.
  if (!caller.roles.includes('supervisor') && assignment.userId !== caller.userId)
    return { code: 'FORBIDDEN', message: 'Attendants can only change their own duty status.' }
  if (assignment.status === 'relieved')
    return { code: 'PRECONDITION_FAILED', message: 'This attendant was relieved; assign a new shift instead.' }
  return null
}

/** Why this caller may not acknowledge this handover, or null when they may. */
export function acknowledgementRefusal(
  caller: Caller,
  handover: { outgoingId: number; acknowledgedAt: number | null },
): Refusal | null {
  if (!caller.roles.includes('supervisor'))
    return { code: 'FORBIDDEN', message: 'Only a supervisor acknowledges a shift handover.' }
  if (handover.outgoingId === caller.userId)
    return {
      code: 'PRECONDITION_FAILED',
      message: 'The incoming supervisor acknowledges a handover, not the one who signed it.',
    }
  if (handover.acknowledgedAt !== null)
    return { code: 'PRECONDITION_FAILED', message: 'This handover has already been acknowledged.' }
  return null
}

/** Who reads exposure beyond their own: the safety officer's work, and those who answer for it. */
export const exposureReaderRoles = [
  'safety_officer',
  'supervisor',
  'administrator',
  'auditor',
] as const satisfies readonly Role[]

/** Why this caller may not read this person's exposure, or null when they may: an entrant reads only their own. */
export function exposureReadRefusal(caller: Caller, personKey: string): Refusal | null {
  if (exposureReaderRoles.some((role) => caller.roles.includes(role))) return null
  if (personKey === `user:${String(caller.userId)}`) return null
  return { code: 'FORBIDDEN', message: 'You can see only your own exposure.' }
}
