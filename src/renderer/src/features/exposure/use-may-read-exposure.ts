import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import { exposureReadRefusal } from '../../../../shared/domain/record-rules'
import { useSession } from '../session/use-session'

/** Whether the signed-in person may read this person's exposure: the policy, then the record-level rule. */
export const useMayReadExposure = (personKey: string): boolean =>
  useSession((state) => {
    const user = state.user
    if (!user || !allows(procedurePolicy['exposure.person'], user.roles)) return false
    return exposureReadRefusal({ userId: user.id, roles: user.roles }, personKey) === null
  })
