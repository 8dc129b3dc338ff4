import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { PermitCardDto } from '../../../../shared/contract/permits'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'

export type SimulatedPermit = ProcedureOutput<'simulator.status'>[number]

/** The status counts readings as they arrive; this often is enough to see it moving. */
export const simulatorPollMs = 5_000

export interface SimulatorState {
  running: SimulatedPermit[]
  /** Permits on the board that a simulated monitor could feed. */
  candidates: PermitCardDto[]
  loading: boolean
  busy: boolean
  problem: string | null
  /** Loads the status and the permits to choose from, and keeps them current; the returned function stops that. */
  open(): () => void
  start(permitIds: readonly number[]): Promise<boolean>
  /** Stops these permits' monitors, or every one when none is named. */
  stop(permitIds?: readonly number[]): Promise<void>
}

export type SimulatorStore = StoreApi<SimulatorState>

const closed = {
  running: [],
  candidates: [],
  loading: false,
  busy: false,
  problem: null,
} satisfies Partial<SimulatorState>

/** Simulated gas monitors for demos and training, started and stopped per permit. */
export function createSimulatorStore({ api, transport }: Connection): SimulatorStore {
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<SimulatorState>()((set) => {
    const load = async (): Promise<void> => {
      const asked = generation
      set({ loading: true })
      try {
        const [running, board] = await Promise.all([api.simulator.status({}), api.permits.board({})])
        if (asked !== generation) return
        set({ running, candidates: board.cards, loading: false, problem: null })
      } catch (error) {
        if (asked !== generation) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const command = async (run: () => Promise<unknown>): Promise<boolean> => {
      set({ busy: true, problem: null })
      try {
        await run()
        set({ busy: false })
        void refresh.now()
        return true
      } catch (error) {
        set({ busy: false, problem: toProblem(error).message })
        return false
      }
    }

    return {
      ...closed,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribe = transport.subscribe('permits.changed', () => current.soon())
        const stopPolling = pollEvery(current, simulatorPollMs)
        void current.now()
        return () => {
          unsubscribe()
          stopPolling()
          current.stop()
          if (opened !== generation) return
          generation++
          set(closed)
        }
      },

      start: (permitIds) => command(() => api.simulator.start({ permitIds: [...permitIds] })),

      async stop(permitIds) {
        await command(() => api.simulator.stop(permitIds ? { permitIds: [...permitIds] } : {}))
      },
    }
  })
}
