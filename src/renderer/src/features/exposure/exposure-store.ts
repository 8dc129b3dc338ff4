import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { PersonExposureDto } from '../../../../shared/contract/exposure'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

/** The windows the page offers: the last week, month or year. */
export const exposureWindows = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 365, label: '1 year' },
] as const
export type ExposureWindowDays = (typeof exposureWindows)[number]['days']

export interface ExposureState {
  personKey: string | null
  days: ExposureWindowDays
  exposure: PersonExposureDto | null
  loading: boolean
  problem: string | null
  /** Opens a person's exposure over the last 7 days. */
  open(personKey: string): void
  setDays(days: ExposureWindowDays): void
  /** Computes again now: a shift still under way changes as readings arrive. */
  reload(): Promise<void>
}

export type ExposureStore = StoreApi<ExposureState>

const dayMs = 86_400_000

/** One person's exposure per shift, computed by the main process when asked (it reads their readings). */
export function createExposureStore({ api }: Connection): ExposureStore {
  let latest = 0
  return createStore<ExposureState>()((set, get) => {
    async function load() {
      const { personKey, days } = get()
      if (personKey === null) return
      const asked = ++latest
      set({ loading: true, problem: null })
      try {
        // Up to now by the server's clock, from the window's length before this workstation's now.
        const exposure = await api.exposure.person({ personKey, from: Date.now() - days * dayMs })
        if (asked === latest) set({ exposure, loading: false })
      } catch (error) {
        if (asked === latest) set({ loading: false, problem: toProblem(error).message })
      }
    }
    return {
      personKey: null,
      days: 7,
      exposure: null,
      loading: false,
      problem: null,
      open(personKey) {
        set({ personKey, days: 7, exposure: null, problem: null })
        void load()
      },
      setDays(days) {
        set({ days })
        void load()
      },
      reload: load,
    }
  })
}
