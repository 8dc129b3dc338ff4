import type { EventName } from './events'
import type { ProcedurePath } from './procedures'
import type { Role } from './roles'

/**
 * Who may call what. Deny by default: a procedure or event missing here does not compile,
 * and an empty role list admits nobody. `public` needs no session, `signedIn` any session.
 * Record-level rules (a requester sees only their own requests) live in the services.
 */
export type Access = 'public' | 'signedIn' | readonly Role[]

const admin = ['administrator'] as const
const auditReaders = ['administrator', 'auditor'] as const

export const procedurePolicy = {
  'auth.status': 'public',
  'auth.setupFirstAdmin': 'public',
  'auth.signUp': 'public',
  'auth.login': 'public',
  'auth.logout': 'signedIn',
  'auth.me': 'signedIn',
  'auth.changePassword': 'signedIn',
  'users.list': admin,
  'users.create': admin,
  'users.setRoles': admin,
  'users.setActive': admin,
  'audit.list': auditReaders,
  'audit.verify': auditReaders,
  'system.info': admin,
  'system.backup': admin,
} as const satisfies Record<ProcedurePath, Access>

export const eventPolicy = {
  'users.changed': admin,
  'audit.appended': auditReaders,
} as const satisfies Record<EventName, Exclude<Access, 'public'>>

/** Whether a caller holding these roles (null: no session) passes an access rule. */
export function allows(access: Access, callerRoles: readonly Role[] | null): boolean {
  if (access === 'public') return true
  if (callerRoles === null) return false
  if (access === 'signedIn') return true
  return access.some((role) => callerRoles.includes(role))
}
