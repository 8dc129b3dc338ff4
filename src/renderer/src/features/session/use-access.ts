import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import type { ProcedurePath } from '../../../../shared/contract/procedures'
import { useSession } from './use-session'

/** Whether the signed-in person's roles may call `path`, so a screen never offers a refusal. */
export const useMayCall = (path: ProcedurePath): boolean =>
  useSession((state) => allows(procedurePolicy[path], state.user?.roles ?? null))
