import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { PermitCardDto } from '../../../../shared/contract/permits'
import type { SiteDto } from '../../../../shared/contract/sites'
import type { PermitState } from '../../../../shared/domain/permit-lifecycle'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import type { ClockStore } from '../../live/clock-store'
import { liveReadingsDelayMs, permitCardEvents } from '../../live/permit-events'

export interface BoardFilters {
  siteId: number | null
  state: PermitState | null
}

export interface BoardState {
  cards: PermitCardDto[]
  /** Everyone inside a space of the board's site (every site when none), whatever the state filter shows. */
  peopleInside: number
  /** Whether the board has been read at least once since it opened (an empty board is then true). */
  loaded: boolean
  /** The server's time of the last board that arrived, so a failed refresh can say how old the cards are. */
  loadedAt: number | null
  loading: boolean
  problem: string | null
  sites: SiteDto[]
  filters: BoardFilters
  demoLoading: boolean
  demoProblem: string | null
  evacuating: boolean
  evacuationProblem: Problem | null
  /** Orders everyone out of every space of the board's site, or of every site; true when recorded. */
  evacuateAll(reason: string): Promise<boolean>
  clearEvacuationProblem(): void
  /** Loads the board and follows every change that moves a card; the returned function stops that. */
  open(): () => void
  setFilters(filters: Partial<BoardFilters>): void
  loadDemo(): Promise<void>
}

export type BoardStore = StoreApi<BoardState>

const closed = {
  cards: [],
  peopleInside: 0,
  loaded: false,
  loadedAt: null,
  loading: false,
  problem: null,
  demoLoading: false,
  demoProblem: null,
  evacuating: false,
  evacuationProblem: null,
} satisfies Partial<BoardState>

export function createBoardStore({ api, transport }: Connection, clock: ClockStore): BoardStore {
  // Bumped on every open, close and filter change, so an answer for another board is dropped.
  let generation = 0
  let latestOpen = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<BoardState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = generation
      const { siteId, state } = get().filters
      set({ loading: true })
      try {
        const board = await api.permits.board({
          ...(siteId === null ? {} : { siteId }),
          ...(state === null ? {} : { states: [state] }),
        })
        if (asked !== generation) return
        clock.getState().observe(board.now)
        set({
          cards: board.cards,
          peopleInside: board.peopleInside,
          loaded: true,
          loadedAt: board.now,
          loading: false,
          problem: null,
        })
      } catch (error) {
        if (asked !== generation) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const loadSites = async (): Promise<void> => {
      const asked = generation
      try {
        const sites = await api.sites.list({})
        if (asked === generation) set({ sites })
      } catch {
        // The site filter is a convenience; the board itself reports its own failures.
      }
    }

    return {
      ...closed,
      sites: [],
      filters: { siteId: null, state: null },

      open() {
        const opened = ++latestOpen
        generation++
        set(closed)
        refresh = coalescedRefresh(load)
        const current = refresh
        const readings = coalescedRefresh(() => current.now(), liveReadingsDelayMs)
        const unsubscribes = [
          ...permitCardEvents.map((name) => transport.subscribe(name, () => current.soon())),
          transport.subscribe('readings.recorded', () => readings.soon()),
          transport.subscribe('sites.changed', () => void loadSites()),
        ]
        const stopPolling = pollEvery(current)
        void current.now()
        void loadSites()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopPolling()
          readings.stop()
          current.stop()
          if (opened !== latestOpen) return
          generation++
          set(closed)
        }
      },

      setFilters(filters) {
        generation++
        set((state) => ({
          filters: { ...state.filters, ...filters },
          cards: [],
          peopleInside: 0,
          loaded: false,
          loadedAt: null,
        }))
        void refresh.now()
      },

      async loadDemo() {
        set({ demoLoading: true, demoProblem: null })
        try {
          await api.demo.load({})
          set({ demoLoading: false })
          void loadSites()
          void refresh.now()
        } catch (error) {
          set({ demoLoading: false, demoProblem: toProblem(error).message })
        }
      },

      async evacuateAll(reason) {
        // The order reaches what the board shows: the site it is filtered to, or every site.
        const { siteId } = get().filters
        set({ evacuating: true, evacuationProblem: null })
        try {
          await api.evacuations.order({ reason, ...(siteId === null ? {} : { siteId }) })
          set({ evacuating: false })
          void refresh.now()
          return true
        } catch (error) {
          set({ evacuating: false, evacuationProblem: toProblem(error) })
          return false
        }
      },

      clearEvacuationProblem() {
        set({ evacuationProblem: null })
      },
    }
  })
}
