import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { QueueItemDto } from '../../../../shared/contract/access'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import { pagedSearchActions } from '../../live/paged-search'
import { resourceAtLevel } from '../access/access-labels'
import type { Notice } from '../access/my-access-store'
import { followSelection, moveSelection } from './queue-selection'

export type Decision = 'approve' | 'deny'

export interface DecisionForm {
  comment: string
  /** Text as typed; empty grants what was asked for. */
  grantedHours: string
}

export interface QueueState {
  items: QueueItemDto[]
  total: number
  /** More wait than the server counts: total is a lower bound. */
  totalCapped: boolean
  offset: number
  limit: number
  search: string
  resourceId: number | null
  loaded: boolean
  loading: boolean
  problem: string | null
  notice: Notice | null
  selectedId: number | null
  selectedIndex: number
  dialog: { decision: Decision; item: QueueItemDto } | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the queue and follows every request change; the returned function stops that. */
  open(): () => void
  setSearch(search: string): void
  setResource(resourceId: number | null): void
  setPage(page: number): void
  setLimit(limit: number): void
  select(requestId: number): void
  move(delta: number): void
  /** Opens the confirmation for the selected request. */
  openDecision(decision: Decision): void
  closeDialog(): void
  decide(form: DecisionForm): Promise<void>
  dismissNotice(): void
}

export type QueueStore = StoreApi<QueueState>

const closed = {
  items: [],
  total: 0,
  totalCapped: false,
  offset: 0,
  loaded: false,
  loading: false,
  problem: null,
  notice: null,
  selectedId: null,
  selectedIndex: 0,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<QueueState>

/** The approval queue: what this approver may decide, blocking permits first, decided with the keyboard. */
export function createQueueStore({ api, transport }: Connection): QueueStore {
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<QueueState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = generation
      const { offset, limit, search, resourceId } = get()
      set({ loading: true })
      try {
        const page = await api.access.queue({
          offset,
          limit,
          search,
          ...(resourceId === null ? {} : { resourceId }),
        })
        if (asked !== generation) return
        const { selectedId, selectedIndex, dialog } = get()
        const ids = page.items.map((item) => item.id)
        // The request being confirmed left the queue: another approver decided it, or its requester withdrew it.
        const gone = dialog !== null && !ids.includes(dialog.item.id) && !get().saving
        set({
          items: page.items,
          total: page.total,
          totalCapped: page.totalCapped,
          loaded: true,
          loading: false,
          problem: null,
          ...followSelection(ids, selectedId, selectedIndex),
          ...(gone
            ? {
                dialog: null,
                dialogProblem: null,
                notice: {
                  severity: 'error' as const,
                  message: `Request #${String(dialog.item.id)} left the queue: it was decided by another approver, or withdrawn.`,
                },
              }
            : {}),
        })
      } catch (error) {
        if (asked === generation) set({ loading: false, problem: toProblem(error).message })
      }
    }

    const paging = pagedSearchActions(set, get, () => {
      generation++
      void refresh.now()
    })

    return {
      ...closed,
      limit: 25,
      search: '',
      resourceId: null,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribes = [
          // A request filed, withdrawn or decided by another approver shows here at once.
          transport.subscribe('access.requestChanged', () => current.soon()),
        ]
        const stopPolling = pollEvery(current)
        void current.now()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopPolling()
          paging.cancelPendingSearch()
          current.stop()
          if (opened !== generation) return
          generation++
          set(closed)
        }
      },

      ...paging.actions,

      setResource(resourceId) {
        set({ resourceId, offset: 0 })
        generation++
        void refresh.now()
      },

      select(requestId) {
        const index = get().items.findIndex((item) => item.id === requestId)
        if (index >= 0) set({ selectedId: requestId, selectedIndex: index })
      },

      move(delta) {
        const { items, selectedIndex, selectedId } = get()
        // The first arrow press picks the first request rather than skipping it.
        set(
          moveSelection(
            items.map((item) => item.id),
            selectedIndex,
            selectedId === null ? 0 : delta,
          ),
        )
      },

      openDecision(decision) {
        const { items, selectedId } = get()
        const item = items.find((candidate) => candidate.id === selectedId)
        if (item) set({ dialog: { decision, item }, dialogProblem: null, notice: null })
      },

      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async decide({ comment, grantedHours }) {
        const { dialog } = get()
        if (!dialog) return
        const { decision, item } = dialog
        if (decision === 'deny' && comment.trim() === '') {
          set({ dialogProblem: fieldProblem('comment', 'is required when denying: say why') })
          return
        }
        const hoursText = grantedHours.trim()
        if (decision === 'approve' && hoursText !== '' && !/^\d+$/.test(hoursText)) {
          set({ dialogProblem: fieldProblem('grantedHours', 'must be a whole number of hours') })
          return
        }
        const hours = hoursText === '' ? item.durationHours : Number(hoursText)
        set({ saving: true, dialogProblem: null })
        try {
          const decided = await api.access.decide({
            requestId: item.id,
            decision,
            comment,
            ...(decision === 'approve' && hours !== item.durationHours ? { grantedHours: hours } : {}),
          })
          const what = `Request #${String(decided.id)} of ${decided.requester.name} for ${resourceAtLevel(decided.resource.key, decided.level)}`
          const message =
            decided.status === 'pending'
              ? `${what}: your approval is recorded; it needs ${String(decided.approvalsNeeded)} approvers.`
              : `${what} ${decided.status}.`
          set({ saving: false, dialog: null, notice: { severity: 'success', message } })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      dismissNotice: () => set({ notice: null }),
    }
  })
}
