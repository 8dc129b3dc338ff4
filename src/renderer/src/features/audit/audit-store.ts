import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { AuditVerification } from '../../../../shared/contract/audit'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { appendOlder, mergeNewest } from './audit-paging'
import type { AuditPage } from './audit-paging'

export const auditPageSize = 50

export interface AuditState extends AuditPage {
  loading: boolean
  loadingOlder: boolean
  problem: string | null
  verification: AuditVerification | null
  verifying: boolean
  verifyProblem: string | null
  /** Loads the newest page and follows new entries live; the returned function stops that. */
  open(): () => void
  loadOlder(): Promise<void>
  verify(): Promise<void>
}

export type AuditStore = StoreApi<AuditState>

const closed = {
  items: [],
  nextBeforeSeq: null,
  loading: false,
  loadingOlder: false,
  problem: null,
  verification: null,
  verifying: false,
  verifyProblem: null,
} satisfies Partial<AuditState>

export function createAuditStore({ api, transport }: Connection): AuditStore {
  // Bumped on every open and close, so answers that arrive for a page no longer shown are dropped.
  let generation = 0

  return createStore<AuditState>()((set, get) => ({
    ...closed,

    open() {
      const opened = ++generation
      set(closed)
      let refreshing = false
      let refreshAgain = false

      // Entries can be appended faster than a page loads; a burst costs at most one more load.
      const refreshNewest = async (): Promise<void> => {
        if (refreshing) {
          refreshAgain = true
          return
        }
        refreshing = true
        do {
          refreshAgain = false
          set({ loading: true })
          try {
            const newest = await api.audit.list({ limit: auditPageSize })
            if (opened !== generation) return
            set((state) => ({ ...mergeNewest(state, newest), loading: false, problem: null }))
          } catch (error) {
            if (opened !== generation) return
            set({ loading: false, problem: toProblem(error).message })
          }
        } while (refreshAgain)
        refreshing = false
      }

      const unsubscribe = transport.subscribe('audit.appended', () => void refreshNewest())
      void refreshNewest()
      return () => {
        unsubscribe()
        if (opened !== generation) return
        generation++
        set(closed)
      }
    },

    async loadOlder() {
      const { nextBeforeSeq, loadingOlder } = get()
      if (nextBeforeSeq === null || loadingOlder) return
      const asked = generation
      set({ loadingOlder: true })
      try {
        const older = await api.audit.list({ limit: auditPageSize, beforeSeq: nextBeforeSeq })
        if (asked !== generation) return
        set((state) => ({ ...appendOlder(state, older), loadingOlder: false, problem: null }))
      } catch (error) {
        if (asked !== generation) return
        set({ loadingOlder: false, problem: toProblem(error).message })
      }
    },

    async verify() {
      const asked = generation
      set({ verifying: true, verifyProblem: null })
      try {
        const verification = await api.audit.verify({})
        if (asked !== generation) return
        set({ verification, verifying: false })
      } catch (error) {
        if (asked !== generation) return
        set({ verifying: false, verifyProblem: toProblem(error).message })
      }
    },
  }))
}
