import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { SiteDto } from '../../../../shared/contract/sites'
import type { SpaceDto } from '../../../../shared/contract/spaces'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { pagedSearchActions } from '../../live/paged-search'

export type SpaceDialog = { kind: 'create' } | { kind: 'edit'; space: SpaceDto } | { kind: 'retire'; space: SpaceDto }

export type SpaceForm = ProcedureInput<'spaces.create'>

export interface SpacesState {
  spaces: SpaceDto[]
  total: number
  offset: number
  limit: number
  search: string
  siteId: number | null
  includeRetired: boolean
  sites: SiteDto[]
  loading: boolean
  problem: string | null
  dialog: SpaceDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the first page and follows changes live; the returned function stops that. */
  open(): () => void
  setSearch(search: string): void
  setSite(siteId: number | null): void
  setIncludeRetired(include: boolean): void
  setPage(page: number): void
  setLimit(limit: number): void
  openDialog(dialog: SpaceDialog): void
  closeDialog(): void
  saveSpace(form: SpaceForm): Promise<void>
  retire(reason: string): Promise<void>
}

export type SpacesStore = StoreApi<SpacesState>

const closed = {
  spaces: [],
  total: 0,
  offset: 0,
  search: '',
  siteId: null,
  includeRetired: false,
  loading: false,
  problem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<SpacesState>

export function createSpacesStore({ api, transport }: Connection): SpacesStore {
  let latestLoad = 0

  return createStore<SpacesState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = ++latestLoad
      const { offset, limit, search, siteId, includeRetired } = get()
      const term = search.trim()
      set({ loading: true })
      try {
        const page = await api.spaces.list({
          offset,
          limit,
          includeRetired,
          ...(term ? { search: term } : {}),
          ...(siteId === null ? {} : { siteId }),
        })
        if (asked !== latestLoad) return
        set({ spaces: page.items, total: page.total, loading: false, problem: null })
      } catch (error) {
        if (asked !== latestLoad) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const loadSites = async (): Promise<void> => {
      try {
        set({ sites: await api.sites.list({}) })
      } catch (error) {
        set({ problem: toProblem(error).message })
      }
    }

    const save = async (run: () => Promise<SpaceDto>): Promise<void> => {
      set({ saving: true, dialogProblem: null })
      try {
        await run()
        set({ saving: false, dialog: null })
        void load()
      } catch (error) {
        set({ saving: false, dialogProblem: toProblem(error) })
      }
    }

    const paging = pagedSearchActions(set, get, () => void load())

    return {
      ...closed,
      limit: 25,
      ...paging.actions,
      sites: [],

      open() {
        set(closed)
        const unsubscribes = [
          transport.subscribe('spaces.changed', () => void load()),
          transport.subscribe('sites.changed', () => void loadSites()),
        ]
        void load()
        void loadSites()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          paging.cancelPendingSearch()
          latestLoad++
          set(closed)
        }
      },

      setSite(siteId) {
        set({ siteId, offset: 0 })
        void load()
      },
      setIncludeRetired(includeRetired) {
        set({ includeRetired, offset: 0 })
        void load()
      },

      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async saveSpace(form) {
        const { dialog } = get()
        if (dialog?.kind === 'edit') await save(() => api.spaces.update({ spaceId: dialog.space.id, ...form }))
        else await save(() => api.spaces.create(form))
      },

      async retire(reason) {
        const { dialog } = get()
        if (dialog?.kind !== 'retire') return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', 'Give a reason. It is kept with the space’s history.') })
          return
        }
        await save(() => api.spaces.retire({ spaceId: dialog.space.id, reason }))
      },
    }
  })
}
