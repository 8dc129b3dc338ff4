import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { SiteDto } from '../../../../shared/contract/sites'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

export type SiteDialog = { kind: 'create' } | { kind: 'edit'; site: SiteDto } | { kind: 'removeDemo'; site: SiteDto }
export type SiteForm = Omit<ProcedureInput<'sites.save'>, 'id'>

export interface SitesState {
  sites: SiteDto[]
  loading: boolean
  problem: string | null
  dialog: SiteDialog | null
  saving: boolean
  dialogProblem: Problem | null
  open(): () => void
  openDialog(dialog: SiteDialog): void
  closeDialog(): void
  saveSite(form: SiteForm): Promise<void>
  /** Removes the demo site in one step (administrators): the server retires all it made. */
  removeDemo(): Promise<void>
}

export type SitesStore = StoreApi<SitesState>

const closed = {
  sites: [],
  loading: false,
  problem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<SitesState>

/** Sites and their limit profiles, as the Admin page keeps them. */
export function createSitesStore({ api, transport }: Connection): SitesStore {
  let latestLoad = 0
  return createStore<SitesState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = ++latestLoad
      set({ loading: true })
      try {
        const sites = await api.sites.list({})
        if (asked === latestLoad) set({ sites, loading: false, problem: null })
      } catch (error) {
        if (asked === latestLoad) set({ loading: false, problem: toProblem(error).message })
      }
    }
    return {
      ...closed,
      open() {
        set(closed)
        const unsubscribe = transport.subscribe('sites.changed', () => void load())
        void load()
        return () => {
          unsubscribe()
          latestLoad++
          set(closed)
        }
      },
      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),
      async saveSite(form) {
        const { dialog } = get()
        set({ saving: true, dialogProblem: null })
        try {
          await api.sites.save(dialog?.kind === 'edit' ? { id: dialog.site.id, ...form } : form)
          set({ saving: false, dialog: null })
          void load()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },
      async removeDemo() {
        set({ saving: true, dialogProblem: null })
        try {
          await api.demo.remove({})
          set({ saving: false, dialog: null })
          void load()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },
    }
  })
}
