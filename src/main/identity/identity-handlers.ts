import type { HandlersFor } from '../core/handler-types'
import type { SessionDto } from '../../shared/contract/identity'
import type { AccountService } from './account-service'
import type { UserAdminService } from './user-admin-service'

const issued = (session: SessionDto, ctx: { sessionChanged: (c: { kind: 'issued'; token: string }) => void }) => {
  ctx.sessionChanged({ kind: 'issued', token: session.token })
  return session
}

export function createAuthHandlers(accounts: AccountService): HandlersFor<'auth'> {
  return {
    'auth.status': () => accounts.status(),
    'auth.setupFirstAdmin': async (input, ctx) => issued(await accounts.setupFirstAdmin(input), ctx),
    'auth.signUp': async (input, ctx) => issued(await accounts.signUp(input), ctx),
    'auth.login': async (input, ctx) => issued(await accounts.login(input), ctx),
    'auth.logout': (_input, ctx) => {
      const result = accounts.logout(ctx.principal)
      ctx.sessionChanged({ kind: 'ended' })
      return result
    },
    'auth.me': (_input, ctx) => accounts.me(ctx.principal),
    'auth.changePassword': (input, ctx) => accounts.changePassword(ctx.principal, input),
  }
}

export function createUserHandlers(admin: UserAdminService): HandlersFor<'users'> {
  return {
    'users.list': (input) => admin.list(input),
    'users.directory': (input) => admin.directory(input),
    'users.reports': (_input, ctx) => admin.reports(ctx.principal),
    'users.create': (input, ctx) => admin.create(ctx.principal, input),
    'users.setRoles': (input, ctx) => admin.setRoles(ctx.principal, input),
    'users.setActive': (input, ctx) => admin.setActive(ctx.principal, input),
    'users.setManager': (input, ctx) => admin.setManager(ctx.principal, input),
    'users.resetPassword': (input, ctx) => admin.resetPassword(ctx.principal, input),
  }
}
