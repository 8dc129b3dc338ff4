import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { RetentionStatusDto } from '../../../../shared/contract/retention'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

export interface RetentionState {
  status: RetentionStatusDto | null
  problem: string | null
  /** Loads each site's setting and the last run while the Admin page is open; the returned function forgets them. */
  open(): () => void
}

export type RetentionStore = StoreApi<RetentionState>

/** How long raw gas readings are kept, and what the last retention run removed. */
export function createRetentionStore({ api }: Connection): RetentionStore {
  let latest = 0
  return createStore<RetentionState>()((set) => ({
    status: null,
    problem: null,
    open() {
      const asked = ++latest
      set({ status: null, problem: null })
      api.retention
        .status({})
        .then((status) => {
          if (asked === latest) set({ status })
        })
        .catch((error: unknown) => {
          if (asked === latest) set({ problem: toProblem(error).message })
        })
      return () => {
        latest++
        set({ status: null, problem: null })
      }
    },
  }))
}
