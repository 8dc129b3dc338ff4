import type { deviceProcedurePolicy, procedurePolicy } from '../../shared/contract/policy'
import type { DevicePrincipal } from '../devices/device-service'
import type { ParsedInput, ProcedureOutput, ProcedurePath } from '../../shared/contract/procedures'
import type { Principal } from '../identity/principal'
import type { HostCapabilities, SessionChange } from './caller'

/**
 * Public procedures may run without a session, and those a field device may call run with its
 * device instead; every other one always has a principal.
 */
type PrincipalFor<P extends ProcedurePath> = (typeof procedurePolicy)[P] extends 'public'
  ? Principal | null
  : P extends keyof typeof deviceProcedurePolicy
    ? Principal | null
    : Principal

export interface HandlerContext<P extends ProcedurePath> {
  principal: PrincipalFor<P>
  /** Tells the transport that this call started or ended the caller's session. */
  sessionChanged(change: SessionChange): void
  /** Desktop-only abilities of the calling window; null over HTTP. */
  host: HostCapabilities | null
  /** The field device calling with its token, when it is not a person. */
  device: DevicePrincipal | null
}

export type Handler<P extends ProcedurePath> = (
  input: ParsedInput<P>,
  ctx: HandlerContext<P>,
) => ProcedureOutput<P> | Promise<ProcedureOutput<P>>

/** One handler per procedure; a missing one is a compile error where the map is declared. */
export type Handlers = { [P in ProcedurePath]: Handler<P> }

export type HandlersFor<Prefix extends string> = {
  [P in ProcedurePath as P extends `${Prefix}.${string}` ? P : never]: Handler<P>
}
