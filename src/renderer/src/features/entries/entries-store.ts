import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'

export type SpaceInside = ProcedureOutput<'entries.inside'>[number]

export interface EntriesState {
  spaces: SpaceInside[]
  loaded: boolean
  loading: boolean
  problem: string | null
  /** Loads who is inside and follows every entry and exit; the returned function stops that. */
  open(): () => void
}

export type EntriesStore = StoreApi<EntriesState>

const closed = { spaces: [], loaded: false, loading: false, problem: null } satisfies Partial<EntriesState>

/** The attendant's count for every space at once (1910.146(i)(4)). */
export function createEntriesStore({ api, transport }: Connection): EntriesStore {
  let latestOpen = 0
  return createStore<EntriesState>()((set) => ({
    ...closed,
    open() {
      const opened = ++latestOpen
      set(closed)
      const refresh = coalescedRefresh(async () => {
        set({ loading: true })
        try {
          const spaces = await api.entries.inside({})
          if (opened === latestOpen) set({ spaces, loaded: true, loading: false, problem: null })
        } catch (error) {
          if (opened === latestOpen) set({ loading: false, problem: toProblem(error).message })
        }
      })
      const unsubscribes = [
        transport.subscribe('entries.changed', () => refresh.soon()),
        transport.subscribe('evacuations.changed', () => refresh.soon()),
      ]
      const stopPolling = pollEvery(refresh)
      void refresh.now()
      return () => {
        unsubscribes.forEach((unsubscribe) => unsubscribe())
        stopPolling()
        refresh.stop()
        if (opened !== latestOpen) return
        latestOpen++
        set(closed)
      }
    },
  }))
}
