import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { IntegrityCheckSchedule } from '../../../../shared/contract/system'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

export type IntegrityChecksPage = ProcedureOutput<'system.integrityChecks'>

export interface IntegrityChecksState {
  page: IntegrityChecksPage | null
  offset: number
  limit: number
  loading: boolean
  problem: string | null
  /** "Check now" asked and waits for the result. */
  checking: boolean
  checkProblem: string | null
  savingSchedule: boolean
  scheduleProblem: Problem | null
  scheduleSaved: boolean
  /**
   * Loads the checks and follows them while anyone watches: the app frame (a failed check is shown
   * on every page) and the Admin page's System section. The returned function stops watching.
   */
  watch(): () => void
  setPage(page: number): void
  setLimit(limit: number): void
  checkNow(): Promise<void>
  saveSchedule(schedule: IntegrityCheckSchedule): Promise<void>
  /** A finding of the form's own, shown like the server's. */
  refuseSchedule(problem: Problem): void
}

export type IntegrityChecksStore = StoreApi<IntegrityChecksState>

const unwatched = {
  page: null,
  offset: 0,
  loading: false,
  problem: null,
  checking: false,
  checkProblem: null,
  savingSchedule: false,
  scheduleProblem: null,
  scheduleSaved: false,
} satisfies Partial<IntegrityChecksState>

/** The database checks: start-up's bounded check, the full check's runs and schedule, and "Check now". */
export function createIntegrityChecksStore({ api, transport }: Connection): IntegrityChecksStore {
  // Bumped per request so a slow answer to an older page never overwrites a newer one.
  let latestLoad = 0
  let watchers = 0
  let unsubscribe: (() => void) | null = null

  return createStore<IntegrityChecksState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = ++latestLoad
      const { offset, limit } = get()
      set({ loading: true })
      try {
        const page = await api.system.integrityChecks({ offset, limit })
        if (asked === latestLoad) set({ page, loading: false, problem: null })
      } catch (error) {
        if (asked === latestLoad) set({ loading: false, problem: toProblem(error).message })
      }
    }

    return {
      ...unwatched,
      limit: 10,

      watch() {
        watchers += 1
        unsubscribe ??= transport.subscribe('system.integrityChecksChanged', () => void load())
        void load()
        return () => {
          watchers -= 1
          if (watchers > 0) return
          unsubscribe?.()
          unsubscribe = null
          latestLoad++
          set(unwatched)
        }
      },

      setPage(page) {
        set({ offset: page * get().limit })
        void load()
      },

      setLimit(limit) {
        set({ limit, offset: 0 })
        void load()
      },

      async checkNow() {
        set({ checking: true, checkProblem: null })
        try {
          await api.system.checkIntegrity({})
          set({ checking: false, offset: 0 })
          void load()
        } catch (error) {
          set({ checking: false, checkProblem: toProblem(error).message })
        }
      },

      async saveSchedule(schedule) {
        set({ savingSchedule: true, scheduleProblem: null, scheduleSaved: false })
        try {
          await api.system.setIntegrityCheckSchedule(schedule)
          set({ savingSchedule: false, scheduleSaved: true })
          void load()
        } catch (error) {
          set({ savingSchedule: false, scheduleProblem: toProblem(error) })
        }
      },

      refuseSchedule: (problem) => set({ scheduleProblem: problem, scheduleSaved: false }),
    }
  })
}
