import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { UserDto, UserListItemDto } from '../../../../shared/contract/identity'
import type { Role } from '../../../../shared/contract/roles'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { pagedSearchActions } from '../../live/paged-search'

export type UserDialog =
  | { kind: 'create' }
  | { kind: 'roles'; user: UserDto }
  | { kind: 'active'; user: UserDto }
  | { kind: 'manager'; user: UserListItemDto }
  | { kind: 'password'; user: UserDto }

export interface NewUserForm {
  username: string
  displayName: string
  password: string
  roles: Role[]
}

export interface UsersState {
  users: UserListItemDto[]
  total: number
  offset: number
  limit: number
  search: string
  loading: boolean
  problem: string | null
  dialog: UserDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the first page and follows account changes live; the returned function stops that. */
  open(): () => void
  setSearch(search: string): void
  setPage(page: number): void
  setLimit(limit: number): void
  openDialog(dialog: UserDialog): void
  closeDialog(): void
  createUser(form: NewUserForm): Promise<void>
  saveRoles(roles: Role[]): Promise<void>
  saveActive(reason: string): Promise<void>
  /** Names the user's manager, or none (null). */
  saveManager(managerId: number | null): Promise<void>
  /** Sets the temporary password the administrator typed; the person must change it at sign-in. */
  resetPassword(temporaryPassword: string): Promise<void>
}

export type UsersStore = StoreApi<UsersState>

export interface UsersStoreOptions {
  /** Told about every account this page saved, so the frame can follow changes to its own user. */
  onUserSaved(user: UserDto): void
}

export const reasonRequiredMessage = 'Give a reason. It is kept in the audit log.'

const closed = {
  users: [],
  total: 0,
  offset: 0,
  search: '',
  loading: false,
  problem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<UsersState>

export function createUsersStore({ api, transport }: Connection, options: UsersStoreOptions): UsersStore {
  // Bumped per request so a slow answer to an older search or page never overwrites a newer one.
  let latestLoad = 0

  return createStore<UsersState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = ++latestLoad
      const { offset, limit, search } = get()
      const term = search.trim()
      set({ loading: true })
      try {
        const page = await api.users.list({ offset, limit, ...(term ? { search: term } : {}) })
        if (asked !== latestLoad) return
        set({ users: page.items, total: page.total, loading: false, problem: null })
      } catch (error) {
        if (asked !== latestLoad) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const save = async (run: () => Promise<UserDto>): Promise<void> => {
      set({ saving: true, dialogProblem: null })
      try {
        const user = await run()
        set({ saving: false, dialog: null })
        options.onUserSaved(user)
        void load()
      } catch (error) {
        set({ saving: false, dialogProblem: toProblem(error) })
      }
    }

    const paging = pagedSearchActions(set, get, () => void load())

    return {
      ...closed,
      limit: 25,

      open() {
        set(closed)
        const unsubscribe = transport.subscribe('users.changed', () => void load())
        void load()
        return () => {
          unsubscribe()
          paging.cancelPendingSearch()
          latestLoad++
          set(closed)
        }
      },

      ...paging.actions,

      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      createUser: (form) => save(() => api.users.create(form)),

      async saveRoles(roles) {
        const { dialog } = get()
        if (dialog?.kind !== 'roles') return
        await save(() => api.users.setRoles({ userId: dialog.user.id, roles }))
      },

      async saveActive(reason) {
        const { dialog } = get()
        if (dialog?.kind !== 'active') return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', reasonRequiredMessage) })
          return
        }
        await save(() => api.users.setActive({ userId: dialog.user.id, active: !dialog.user.active, reason }))
      },

      async saveManager(managerId) {
        const { dialog } = get()
        if (dialog?.kind !== 'manager') return
        await save(() => api.users.setManager({ userId: dialog.user.id, managerId }))
      },

      async resetPassword(temporaryPassword) {
        const { dialog } = get()
        if (dialog?.kind !== 'password') return
        await save(() => api.users.resetPassword({ userId: dialog.user.id, temporaryPassword }))
      },
    }
  })
}
