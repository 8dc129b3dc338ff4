import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { SessionDto, UserDto } from '../../../../shared/contract/identity'
import type { Connection } from '../../connection/connection'
import { fieldProblem, isRpcError, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { checkNewAccount, newAccountInput } from './new-account'
import type { NewAccountForm } from './new-account'

export type SessionPhase = 'loading' | 'firstRun' | 'signedOut' | 'signedIn'

export interface SignInForm {
  username: string
  password: string
}

export interface ChangePasswordForm {
  currentPassword: string
  newPassword: string
  newPasswordAgain: string
}

export const passwordChangedNotice = 'Password changed; your other sessions were signed out.'
const mismatchMessage = 'does not match the new password'

export interface SessionState {
  phase: SessionPhase
  user: UserDto | null
  signUpOpen: boolean
  pending: boolean
  problem: Problem | null
  /** Why the person is looking at the sign-in screen, when they did not choose to be. */
  notice: string | null
  init(): Promise<void>
  setupFirstAdmin(form: NewAccountForm): Promise<void>
  signUp(form: NewAccountForm): Promise<void>
  login(form: SignInForm): Promise<void>
  logout(): Promise<void>
  /** An administrator changed this person's own account; the frame follows. */
  userChanged(user: UserDto): void
  /** This window's own act ended every session (a restore): back to sign-in, saying why. */
  sentBack(notice: string): void
  clearProblem(): void
  /** The change-password dialog, opened from the user's menu (or shown unasked after a reset). */
  changingPassword: boolean
  passwordProblem: Problem | null
  /** Said once the password changed, until dismissed. */
  passwordNotice: string | null
  openChangePassword(): void
  closeChangePassword(): void
  changePassword(form: ChangePasswordForm): Promise<void>
  dismissPasswordNotice(): void
}

export type SessionStore = StoreApi<SessionState>

export const inactivityNotice = 'Your session ended after a period of inactivity. Sign in again.'

export function createSessionStore(connection: Connection): SessionStore {
  const { api, session } = connection

  const store = createStore<SessionState>()((set, get) => {
    const begin = (started: SessionDto): void => {
      session.remember(started.token)
      set({ phase: 'signedIn', user: started.user, pending: false, problem: null, notice: null })
    }

    const attempt = async (run: () => Promise<void>): Promise<void> => {
      set({ pending: true, problem: null, notice: null })
      try {
        await run()
      } catch (error) {
        set({ pending: false, problem: toProblem(error) })
      }
    }

    const createAccount = (form: NewAccountForm, create: typeof api.auth.signUp): Promise<void> => {
      const mismatch = checkNewAccount(form)
      if (mismatch) {
        set({ problem: mismatch, notice: null })
        return Promise.resolve()
      }
      return attempt(async () => begin(await create(newAccountInput(form))))
    }

    return {
      phase: 'loading',
      user: null,
      signUpOpen: false,
      pending: false,
      problem: null,
      notice: null,
      changingPassword: false,
      passwordProblem: null,
      passwordNotice: null,

      async init() {
        set({ phase: 'loading', problem: null })
        try {
          const status = await api.auth.status({})
          set({ signUpOpen: status.signUpOpen })
          if (status.needsFirstAdmin) {
            session.forget()
            set({ phase: 'firstRun' })
            return
          }
          if (session.mayResume()) {
            try {
              const user = await api.auth.me({})
              set({ phase: 'signedIn', user })
              return
            } catch (error) {
              if (!isRpcError(error, 'UNAUTHENTICATED')) throw error
              session.forget()
            }
          }
          set({ phase: 'signedOut' })
        } catch (error) {
          set({ phase: 'loading', problem: toProblem(error) })
        }
      },

      setupFirstAdmin: (form) => createAccount(form, api.auth.setupFirstAdmin),
      signUp: (form) => createAccount(form, api.auth.signUp),
      login: (form) => attempt(async () => begin(await api.auth.login(form))),

      async logout() {
        set({ pending: true })
        try {
          await api.auth.logout({})
        } catch {
          // The session may already be gone on the server; signing out locally is what was asked.
        }
        session.forget()
        set({ phase: 'signedOut', user: null, pending: false, problem: null, notice: null, changingPassword: false })
      },

      sentBack(notice) {
        session.forget()
        set({ phase: 'signedOut', user: null, pending: false, problem: null, notice, changingPassword: false })
      },

      userChanged(user) {
        if (get().user?.id === user.id) set({ user })
      },

      clearProblem: () => set({ problem: null }),

      openChangePassword: () => set({ changingPassword: true, passwordProblem: null, passwordNotice: null }),
      closeChangePassword: () => set({ changingPassword: false, passwordProblem: null }),
      dismissPasswordNotice: () => set({ passwordNotice: null }),

      async changePassword({ currentPassword, newPassword, newPasswordAgain }) {
        // A typo in the new password would lock the person out, so the two must agree before sending.
        if (newPassword !== newPasswordAgain) {
          set({ passwordProblem: fieldProblem('newPasswordAgain', mismatchMessage) })
          return
        }
        set({ pending: true, passwordProblem: null })
        try {
          await api.auth.changePassword({ currentPassword, newPassword })
          const user = get().user
          set({
            pending: false,
            changingPassword: false,
            passwordNotice: passwordChangedNotice,
            user: user ? { ...user, mustChangePassword: false } : user,
          })
        } catch (error) {
          set({ pending: false, passwordProblem: toProblem(error) })
        }
      },
    }
  })

  connection.onUnauthenticated((message) => {
    if (store.getState().phase !== 'signedIn') return
    session.forget()
    // The server says why: inactivity, a deactivated account, a password changed elsewhere...
    store.setState({
      phase: 'signedOut',
      user: null,
      pending: false,
      problem: null,
      notice: message || inactivityNotice,
    })
  })

  return store
}
