import type { AuditFilter } from '../../../../shared/contract/audit'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { mayMatch } from './audit-filter'
import { appendOlder, mergeNewest } from './audit-paging'
import type { AuditPage } from './audit-paging'
import type { AuditSlice } from './audit-slice'

export const auditPageSize = 50

/** The entries shown: newest first, narrowed by the filter, followed live, paged back on demand. */
export interface TrailSlice extends AuditPage {
  /** The filter the entries shown were asked with. */
  filter: AuditFilter
  loading: boolean
  loadingOlder: boolean
  problem: string | null
  /** The entry whose details are open, by sequence number. */
  detailSeq: number | null
  /** Loads the newest page matching `filter` and follows new entries live; the returned function stops that. */
  open(filter: AuditFilter): () => void
  /** The next older page, with the same filter. */
  loadOlder(): Promise<void>
  showDetail(seq: number | null): void
}

const closed = {
  items: [],
  nextBeforeSeq: null,
  filter: {},
  loading: false,
  loadingOlder: false,
  problem: null,
  detailSeq: null,
} satisfies Partial<TrailSlice>

export function trailSlice({ api, transport }: Connection): AuditSlice<TrailSlice> {
  // Bumped on every open and close, so answers that arrive for a page no longer shown are dropped.
  let generation = 0

  return (set, get) => ({
    ...closed,

    open(filter) {
      const opened = ++generation
      set({ ...closed, filter })
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
            const newest = await api.audit.list({ limit: auditPageSize, filter })
            if (opened !== generation) return
            set((state) => ({ ...mergeNewest(state, newest), loading: false, problem: null }))
          } catch (error) {
            if (opened !== generation) return
            set({ loading: false, problem: toProblem(error).message })
          }
        } while (refreshAgain)
        refreshing = false
      }

      const unsubscribe = transport.subscribe('audit.appended', (entry) => {
        if (mayMatch(filter, entry)) void refreshNewest()
      })
      void refreshNewest()
      return () => {
        unsubscribe()
        if (opened !== generation) return
        generation++
        set(closed)
      }
    },

    async loadOlder() {
      const { nextBeforeSeq, loadingOlder, filter } = get()
      if (nextBeforeSeq === null || loadingOlder) return
      const asked = generation
      set({ loadingOlder: true })
      try {
        const older = await api.audit.list({ limit: auditPageSize, beforeSeq: nextBeforeSeq, filter })
        if (asked !== generation) return
        set((state) => ({ ...appendOlder(state, older), loadingOlder: false, problem: null }))
      } catch (error) {
        if (asked !== generation) return
        set({ loadingOlder: false, problem: toProblem(error).message })
      }
    },

    showDetail(seq) {
      set({ detailSeq: seq })
    },
  })
}
