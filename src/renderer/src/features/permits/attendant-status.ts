import type { AttendantDto } from '../../../../shared/contract/permits'
import { isTerminal } from '../../../../shared/domain/permit-lifecycle'
import type { PermitState } from '../../../../shared/domain/permit-lifecycle'

const statusLabels: Record<AttendantDto['status'], string> = {
  assigned: 'Assigned',
  on_duty: 'On duty',
  relieved: 'Relieved',
}

/**
 * An attendant's status as the record reads it. Closing relieves the attendants, but permits
 * closed before that rule may still say "on duty": nobody watches a space for an ended permit.
 */
export function attendantStatusLabel(status: AttendantDto['status'], permitState: PermitState): string {
  return isTerminal(permitState) && status === 'on_duty' ? 'Duty ended' : statusLabels[status]
}

/** Whether the attendant is watching the space now. */
export const watchesNow = (status: AttendantDto['status'], permitState: PermitState): boolean =>
  status === 'on_duty' && !isTerminal(permitState)
