import type { Connection } from '../connection/connection'
import { createAuditStore } from '../features/audit/audit-store'
import type { AuditStore } from '../features/audit/audit-store'
import { createUsersStore } from '../features/admin/users-store'
import type { UsersStore } from '../features/admin/users-store'
import { createSessionStore } from '../features/session/session-store'
import type { SessionStore } from '../features/session/session-store'
import { createThemeStore } from '../theme/theme-store'
import type { ThemeStore } from '../theme/theme-store'

/** One set of stores per window and connection, so tests get fresh ones with a fake transport. */
export interface AppStores {
  session: SessionStore
  theme: ThemeStore
  audit: AuditStore
  users: UsersStore
}

export function createAppStores(connection: Connection): AppStores {
  const session = createSessionStore(connection)
  return {
    session,
    theme: createThemeStore(),
    audit: createAuditStore(connection),
    users: createUsersStore(connection, {
      onUserSaved: (user) => session.getState().userChanged(user),
    }),
  }
}
