import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { DirectoryEntryDto } from '../../../../shared/contract/identity'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

/** The most accounts the directory returns to a picker. */
export const peoplePageSize = 200

export interface PeopleState {
  /** Active accounts, or null while they are not loaded or this person may not list them. */
  users: DirectoryEntryDto[] | null
  problem: string | null
  /** Loads the accounts once, when the caller may read the directory. */
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
        const people = await api.users.directory({ limit: peoplePageSize })
        set({ users: people, problem: null })
      } catch (error) {
        set({ problem: toProblem(error).message })
      } finally {
        loading = false
      }
    }
    return {
      users: null,
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
