import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import type { ManualAction } from './permit-view-state'
import type { ProcedurePath } from '../../../../shared/contract/procedures'
import type { Role } from '../../../../shared/contract/roles'
import type { PermitAction } from '../../../../shared/domain/permit-lifecycle'

/** The procedure a person calls for each action; activate and expire happen by themselves. */
const actionProcedures: Partial<Record<PermitAction, ProcedurePath>> = {
  submit: 'permits.transition',
  return_to_draft: 'permits.transition',
  authorize: 'permits.authorize',
  suspend: 'permits.transition',
  resume: 'permits.transition',
  close: 'permits.transition',
  cancel: 'permits.transition',
}

/** Button text for each action a person can take. */
export const actionButtonLabels: Partial<Record<PermitAction, string>> = {
  submit: 'Submit',
  return_to_draft: 'Return to draft',
  authorize: 'Authorize',
  suspend: 'Suspend',
  resume: 'Resume',
  close: 'Close',
  // Not "Cancel": every dialog has a Cancel button that leaves without doing anything.
  cancel: 'Cancel permit',
}

/** The permit's allowed actions that these roles may also call, in lifecycle order. */
export function offeredActions(allowed: readonly PermitAction[], roles: readonly Role[]): PermitAction[] {
  return allowed.filter((action) => {
    const procedure = actionProcedures[action]
    return procedure !== undefined && allows(procedurePolicy[procedure], roles)
  })
}

const manualActions: readonly PermitAction[] = ['submit', 'return_to_draft', 'suspend', 'resume', 'close', 'cancel']

/** The actions permits.transition takes (the rest are signed, or happen by themselves). */
export const isManualAction = (action: PermitAction): action is ManualAction => manualActions.includes(action)
