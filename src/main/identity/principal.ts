import type { Role } from '../../shared/contract/roles'
import type { Actor } from '../audit/audit-repository'

/** The signed-in caller, resolved from a live session. */
export interface Principal {
  userId: number
  username: string
  displayName: string
  roles: Role[]
  tokenHash: string
  /** A temporary password set by an administrator: the session may only change it (see the gate). */
  mustChangePassword: boolean
}

export const actorOf = (principal: Principal): Actor => ({ id: principal.userId, name: principal.username })

/** Work the system does on its own (expiry, start-up) is audited under this name. */
export const systemActor: Actor = { id: null, name: 'system' }
