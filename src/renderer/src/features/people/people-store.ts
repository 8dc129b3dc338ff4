import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { UserDto } from '../../../../shared/contract/identity'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

/** The most accounts one page of users.list returns; pickers show the active ones among them. */
export const peoplePageSize = 200

export interface PeopleState {
  /** Active accounts, or null while they are not loaded or this person may not list them. */
  users: UserDto[] | null
  /** How many accounts exist, when more than one page holds. */
  total: number
  problem: string | null
  /** Loads the accounts once, when the caller may list them (users.list is for administrators). */
  ensure(mayList: boolean): void
}

export type PeopleStore = StoreApi<PeopleState>

/** The accounts that pickers (entry supervisor, entrants, attendants) offer by name. */
export function createPeopleStore({ api, transport }: Connection): PeopleStore {
  let loading = false
  let subscribed = false

  return createStore<PeopleState>()((set, get) => {
    const load = async (): Promise<void> => {
      loading = true
      try {
        const page = await api.users.list({ limit: peoplePageSize })
        set({ users: page.items.filter((user) => user.active), total: page.total, problem: null })
      } catch (error) {
        set({ problem: toProblem(error).message })
      } finally {
        loading = false
      }
    }
    return {
      users: null,
      total: 0,
      problem: null,
      ensure(mayList) {
        if (!mayList || loading || get().users !== null) return
        if (!subscribed) {
          subscribed = true
          transport.subscribe('users.changed', () => void load())
        }
        void load()
      },
    }
  })
}
