import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ResourceDto } from '../../../../shared/contract/access'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'

export type CatalogueDialog =
  { kind: 'create' } | { kind: 'edit'; resource: ResourceDto } | { kind: 'retire'; resource: ResourceDto }

export type ResourceForm = Omit<ProcedureInput<'access.saveResource'>, 'id'>

export interface CatalogueState {
  /** Every resource, retired ones too (a past grant names them); screens that offer choices leave those out. */
  resources: ResourceDto[]
  loaded: boolean
  problem: string | null
  dialog: CatalogueDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the catalogue once and follows its changes from then on. */
  ensure(): void
  openDialog(dialog: CatalogueDialog): void
  closeDialog(): void
  save(form: ResourceForm): Promise<void>
  retire(reason: string): Promise<void>
}

export type CatalogueStore = StoreApi<CatalogueState>

/** The resources access can be asked for: IT resources and every confined space, as the catalogue holds them. */
export function createCatalogueStore({ api, transport }: Connection): CatalogueStore {
  let started = false
  return createStore<CatalogueState>()((set, get) => {
    const refresh = coalescedRefresh(async () => {
      try {
        const resources = await api.access.resources({ includeRetired: true })
        set({ resources, loaded: true, problem: null })
      } catch (error) {
        set({ problem: toProblem(error).message })
      }
    })

    return {
      resources: [],
      loaded: false,
      problem: null,
      dialog: null,
      saving: false,
      dialogProblem: null,

      ensure() {
        if (started) return
        started = true
        transport.subscribe('access.resourcesChanged', () => refresh.soon())
        // A space is a resource: it appears and retires with the space.
        transport.subscribe('spaces.changed', () => refresh.soon())
        void refresh.now()
      },

      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async save(form) {
        const { dialog } = get()
        set({ saving: true, dialogProblem: null })
        try {
          await api.access.saveResource(dialog?.kind === 'edit' ? { id: dialog.resource.id, ...form } : form)
          set({ saving: false, dialog: null })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      async retire(reason) {
        const { dialog } = get()
        if (dialog?.kind !== 'retire') return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', 'is required: say why the resource is retired') })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          await api.access.retireResource({ resourceId: dialog.resource.id, reason })
          set({ saving: false, dialog: null })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },
    }
  })
}
