import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { PermitDetailDto } from '../../../../shared/contract/permits'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { ClockStore } from '../../live/clock-store'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import { liveReadingsDelayMs } from '../../live/permit-events'
import { dialogCommands } from './permit-commands'
import type { PermitStoreContext } from './permit-store-context'
import type { PermitViewState } from './permit-view-state'
import { portalCommands } from './portal-commands'

export type PermitStore = StoreApi<PermitViewState>

const closed = {
  permitId: null,
  detail: null,
  rollCall: null,
  loading: false,
  problem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
  entryPending: false,
  entryRefusal: null,
  entryProblem: null,
  portalNotice: null,
  testSaving: false,
  testProblem: null,
  testRefusal: null,
  testNotice: null,
  attendantProblem: null,
} satisfies Partial<PermitViewState>

/** One permit, as the detail and print views show it, kept current by the events that touch it. */
export function createPermitStore({ api, transport }: Connection, clock: ClockStore): PermitStore {
  let shown: number | null = null
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<PermitViewState>()((set, get) => {
    const loadRollCall = async (detail: PermitDetailDto): Promise<void> => {
      const running = detail.card.evacuation
      if (!running) return set({ rollCall: null })
      try {
        const active = await api.evacuations.active({})
        if (shown !== detail.card.id) return
        set({ rollCall: active.find((evacuation) => evacuation.id === running.evacuationId) ?? null })
      } catch {
        // The card's own "still inside" list stands in for the full roll call.
        set({ rollCall: null })
      }
    }

    // permits.get carries no clock; a board of this permit's own kind does, and stays small.
    const syncClock = async (detail: PermitDetailDto): Promise<void> => {
      if (clock.getState().synced) return
      try {
        const board = await api.permits.board({ siteId: detail.card.siteId, states: [detail.card.state] })
        clock.getState().observe(board.now)
      } catch {
        // Without it, times left are counted on this workstation's clock until the board is opened.
      }
    }

    const load = async (): Promise<void> => {
      const permitId = shown
      if (permitId === null) return
      set({ loading: true })
      try {
        const detail = await api.permits.get({ permitId })
        if (shown !== permitId) return
        set({ detail, loading: false, problem: null })
        await Promise.all([loadRollCall(detail), syncClock(detail)])
      } catch (error) {
        if (shown !== permitId) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const context: PermitStoreContext = { api, set, get, reload: () => refresh.now(), shownId: () => shown }

    return {
      ...closed,
      printRequested: false,
      ...dialogCommands(context),
      ...portalCommands(context),

      open(permitId) {
        shown = permitId
        set({ ...closed, permitId })
        const current = coalescedRefresh(load)
        refresh = current
        const ifMine = (event: { permitId: number | null }) => {
          if (event.permitId === permitId) current.soon()
        }
        const readings = coalescedRefresh(() => current.now(), liveReadingsDelayMs)
        const unsubscribes = [
          transport.subscribe('permits.changed', ifMine),
          transport.subscribe('entries.changed', ifMine),
          transport.subscribe('atmosphere.recorded', ifMine),
          transport.subscribe('alarms.raised', ifMine),
          transport.subscribe('alarms.changed', ifMine),
          transport.subscribe('readings.recorded', (event) => {
            if (event.permitId === permitId) readings.soon()
          }),
          // An evacuation event names no permit; a site-wide one concerns this permit too.
          transport.subscribe('evacuations.changed', () => current.soon()),
        ]
        const stopPolling = pollEvery(current)
        void current.now()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopPolling()
          readings.stop()
          current.stop()
          if (shown !== permitId) return
          shown = null
          set(closed)
        }
      },

      requestPrint: () => set({ printRequested: true }),
      takePrintRequest() {
        const requested = get().printRequested
        if (requested) set({ printRequested: false })
        return requested
      },
    }
  })
}
