import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { GrantDto } from '../../../../shared/contract/access'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'
import type { Notice } from '../access/my-access-store'

export interface Person {
  id: number
  name: string
}

/** Whose grants are listed: everyone's on one resource, or one person's on every resource the reader keeps. */
export type GrantsSubject = { by: 'resource'; resourceId: number } | { by: 'person'; person: Person }

export interface GrantsState {
  subject: GrantsSubject | null
  current: boolean
  items: GrantDto[]
  total: number
  totalCapped: boolean
  hasMore: boolean
  loaded: boolean
  loading: boolean
  problem: string | null
  notice: Notice | null
  revoking: GrantDto | null
  saving: boolean
  dialogProblem: Problem | null
  /** Follows grant changes while the list is shown; the returned function stops that. */
  open(): () => void
  show(subject: GrantsSubject): void
  setCurrent(current: boolean): void
  loadMore(): Promise<void>
  openRevoke(grant: GrantDto): void
  closeRevoke(): void
  revoke(reason: string): Promise<void>
  dismissNotice(): void
}

export type GrantsStore = StoreApi<GrantsState>

const pageSize = 50
const maxPage = 200

const closed = {
  items: [],
  total: 0,
  totalCapped: false,
  hasMore: false,
  loaded: false,
  loading: false,
  problem: null,
  notice: null,
  revoking: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<GrantsState>

const subjectInput = (subject: GrantsSubject) =>
  subject.by === 'resource' ? { resourceId: subject.resourceId } : { holderId: subject.person.id }

/** "Who has what": grants per resource and per person, current or past, revoked here by those who keep them. */
export function createGrantsStore({ api, transport }: Connection): GrantsStore {
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<GrantsState>()((set, get) => {
    const load = async (): Promise<void> => {
      const { subject, current, items } = get()
      if (!subject) return
      const asked = generation
      set({ loading: true })
      try {
        const page = await api.access.grants({
          ...subjectInput(subject),
          current,
          limit: Math.min(maxPage, Math.max(pageSize, items.length)),
        })
        if (asked !== generation) return
        set({
          items: page.items,
          total: page.total,
          totalCapped: page.totalCapped,
          hasMore: page.hasMore,
          loaded: true,
          loading: false,
          problem: null,
        })
      } catch (error) {
        if (asked === generation) set({ loading: false, problem: toProblem(error).message })
      }
    }

    const restart = (changes: Partial<GrantsState>): void => {
      generation++
      set({ ...changes, items: [], total: 0, hasMore: false, loaded: false })
      void refresh.now()
    }

    return {
      ...closed,
      subject: null,
      current: true,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribe = transport.subscribe('access.grantChanged', () => current.soon())
        void current.now()
        return () => {
          unsubscribe()
          current.stop()
          if (opened !== generation) return
          generation++
          set(closed)
        }
      },

      show: (subject) => restart({ subject, notice: null }),
      setCurrent: (current) => restart({ current }),

      async loadMore() {
        const { subject, current, items, hasMore } = get()
        const oldest = items.at(-1)
        if (!subject || !hasMore || !oldest) return
        const asked = generation
        try {
          const page = await api.access.grants({
            ...subjectInput(subject),
            current,
            beforeId: oldest.id,
            limit: pageSize,
          })
          if (asked === generation) set((state) => ({ items: [...state.items, ...page.items], hasMore: page.hasMore }))
        } catch (error) {
          if (asked === generation) set({ problem: toProblem(error).message })
        }
      },

      openRevoke: (grant) => set({ revoking: grant, dialogProblem: null }),
      closeRevoke: () => set({ revoking: null, dialogProblem: null }),

      async revoke(reason) {
        const { revoking } = get()
        if (!revoking) return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', 'is required: say why the access ends now') })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          const ended = await api.access.revokeGrant({ grantId: revoking.id, reason })
          set({
            saving: false,
            revoking: null,
            notice: {
              severity: 'success',
              message: `${ended.holder.name}’s access to ${ended.resource.key} (${ended.level}) is revoked.`,
            },
          })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      dismissNotice: () => set({ notice: null }),
    }
  })
}
