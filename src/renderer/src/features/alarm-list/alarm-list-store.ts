import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { AlarmDto } from '../../../../shared/contract/alarms'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { Gas } from '../../../../shared/domain/gases'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'
import { alarmCommands } from './alarm-list-commands'

export const alarmPageSize = 50
/** The most alarms.list returns at once: a refresh reads again what is shown, up to this. */
const maxPage = 200

export interface AlarmFilters {
  openOnly: boolean
  unacknowledgedOnly: boolean
  permitId: number | null
  spaceId: number | null
  gas: Gas | null
  /** Raised at or after / at or before, epoch ms. */
  from: number | null
  to: number | null
}

export interface PermitChoice {
  id: number
  number: string
  spaceName: string
}

export interface SpaceChoice {
  id: number
  tag: string
  name: string
}

export interface ResolveForm {
  resolution: ProcedureInput<'alarms.resolve'>['resolution'] | null
  note: string
  helpSent: boolean | null
}

export interface AlarmListState {
  items: AlarmDto[]
  hasMore: boolean
  loaded: boolean
  loading: boolean
  loadingOlder: boolean
  problem: string | null
  filters: AlarmFilters
  permits: PermitChoice[]
  spaces: SpaceChoice[]
  acknowledging: boolean
  /** What the last acknowledgement did, or why it failed. */
  notice: { severity: 'success' | 'error'; message: string } | null
  resolving: AlarmDto | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the newest alarms and follows alarm events; the returned function stops that. */
  open(): () => void
  setFilters(filters: Partial<AlarmFilters>): void
  loadOlder(): Promise<void>
  acknowledge(alarmIds: readonly number[]): Promise<void>
  /** Acknowledges every alarm of one instrument, shown or not: one monitor gone wrong raises many. */
  acknowledgeInstrument(instrumentId: number, serial: string): Promise<void>
  openResolve(alarm: AlarmDto): void
  closeResolve(): void
  resolve(form: ResolveForm): Promise<void>
}

export type AlarmListStore = StoreApi<AlarmListState>

export const defaultAlarmFilters: AlarmFilters = {
  openOnly: true,
  unacknowledgedOnly: false,
  permitId: null,
  spaceId: null,
  gas: null,
  from: null,
  to: null,
}

const closed = {
  items: [],
  hasMore: false,
  loaded: false,
  loading: false,
  loadingOlder: false,
  problem: null,
  acknowledging: false,
  notice: null,
  resolving: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<AlarmListState>

const filterInput = (filters: AlarmFilters): ProcedureInput<'alarms.list'> => ({
  ...(filters.openOnly ? { open: true } : {}),
  ...(filters.unacknowledgedOnly ? { unacknowledged: true } : {}),
  ...(filters.permitId === null ? {} : { permitId: filters.permitId }),
  ...(filters.spaceId === null ? {} : { spaceId: filters.spaceId }),
  ...(filters.gas === null ? {} : { gas: filters.gas }),
  ...(filters.from === null ? {} : { from: filters.from }),
  ...(filters.to === null ? {} : { to: filters.to }),
})

/** The alarm list of the Gas page: filtered, keyset paged, acknowledged and resolved. */
export function createAlarmListStore({ api, transport }: Connection): AlarmListStore {
  // Bumped on every open, close and filter change, so an answer for another list is dropped.
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<AlarmListState>()((set, get) => {
    /** Reads the newest alarms again, as many as are shown, so states change in place. */
    const load = async (): Promise<void> => {
      const asked = generation
      const limit = Math.min(maxPage, Math.max(alarmPageSize, get().items.length))
      set({ loading: true })
      try {
        const page = await api.alarms.list({ ...filterInput(get().filters), limit })
        if (asked !== generation) return
        set({ items: page.items, hasMore: page.hasMore, loaded: true, loading: false, problem: null })
      } catch (error) {
        if (asked !== generation) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const loadChoices = async (): Promise<void> => {
      try {
        const [permits, spaces] = await Promise.all([
          api.permits.register({ limit: maxPage }),
          api.spaces.list({ limit: maxPage, includeRetired: true }),
        ])
        set({
          permits: permits.items.map((row) => ({ id: row.id, number: row.permitNumber, spaceName: row.spaceName })),
          spaces: spaces.items.map((space) => ({ id: space.id, tag: space.tag, name: space.name })),
        })
      } catch {
        // The permit and space filters are a convenience; the list reports its own failures.
      }
    }

    return {
      ...closed,
      filters: defaultAlarmFilters,
      permits: [],
      spaces: [],

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribes = [
          transport.subscribe('alarms.raised', () => void current.now()),
          transport.subscribe('alarms.changed', () => current.soon()),
        ]
        void current.now()
        void loadChoices()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          current.stop()
          if (opened !== generation) return
          generation++
          set(closed)
        }
      },

      setFilters(filters) {
        generation++
        set((state) => ({ filters: { ...state.filters, ...filters }, items: [], hasMore: false, loaded: false }))
        void refresh.now()
      },

      async loadOlder() {
        const { items, hasMore, loadingOlder, filters } = get()
        const oldest = items.at(-1)
        if (!hasMore || loadingOlder || !oldest) return
        const asked = generation
        set({ loadingOlder: true })
        try {
          const page = await api.alarms.list({ ...filterInput(filters), beforeId: oldest.id, limit: alarmPageSize })
          if (asked !== generation) return
          set((state) => ({
            items: [...state.items, ...page.items.filter((alarm) => alarm.id < oldest.id)],
            hasMore: page.hasMore,
            loadingOlder: false,
            problem: null,
          }))
        } catch (error) {
          if (asked !== generation) return
          set({ loadingOlder: false, problem: toProblem(error).message })
        }
      },

      ...alarmCommands({ api, set, get, reload: () => refresh.now() }),
    }
  })
}
