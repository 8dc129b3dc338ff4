import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { RequestDto } from '../../../../shared/contract/access'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'

export interface RequestState {
  request: RequestDto | null
  problem: string | null
  /** Loads one request and follows its changes; the returned function stops that. */
  open(requestId: number): () => void
}

export type RequestStore = StoreApi<RequestState>

/** One access request, as a notification links to it: its status, its approvals, its grant. */
export function createRequestStore({ api, transport }: Connection): RequestStore {
  let generation = 0
  return createStore<RequestState>()((set) => ({
    request: null,
    problem: null,
    open(requestId) {
      const opened = ++generation
      set({ request: null, problem: null })
      const refresh = coalescedRefresh(async () => {
        try {
          const request = await api.access.request({ requestId })
          if (opened === generation) set({ request, problem: null })
        } catch (error) {
          if (opened === generation) set({ problem: toProblem(error).message })
        }
      })
      const unsubscribe = transport.subscribe('access.requestChanged', (event) => {
        if (event.requestId === requestId) refresh.soon()
      })
      void refresh.now()
      return () => {
        unsubscribe()
        refresh.stop()
        if (opened === generation) generation++
      }
    },
  }))
}
