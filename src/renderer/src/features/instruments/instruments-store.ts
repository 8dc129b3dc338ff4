import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { InstrumentDto } from '../../../../shared/contract/instruments'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { SiteDto } from '../../../../shared/contract/sites'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { pagedSearchActions } from '../../live/paged-search'

/** A serial and site to start a new instrument from (typed in a test form, not yet registered). */
export interface InstrumentPrefill {
  serial: string
  siteId: number
}

export type InstrumentDialog =
  { kind: 'create'; prefill: InstrumentPrefill | null } | { kind: 'edit'; instrument: InstrumentDto }

export type InstrumentForm = Omit<ProcedureInput<'instruments.save'>, 'id'>

/** The most monitors one site's picker offers; a site with more is searched by the register. */
export const choicesLimit = 200

export interface InstrumentsState {
  items: InstrumentDto[]
  total: number
  offset: number
  limit: number
  search: string
  siteId: number | null
  sites: SiteDto[]
  loading: boolean
  problem: string | null
  /** One site's instruments, for the test form's picker. */
  choices: { siteId: number; items: InstrumentDto[] } | null
  choicesProblem: string | null
  dialog: InstrumentDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the register and follows changes to it; the returned function stops that. */
  open(): () => void
  setSearch(search: string): void
  setSite(siteId: number | null): void
  setPage(page: number): void
  setLimit(limit: number): void
  /** Loads one site's instruments for a picker and follows changes; the returned function stops that. */
  openChoices(siteId: number): () => void
  openDialog(dialog: InstrumentDialog): void
  closeDialog(): void
  /** Saves the dialog's instrument; resolves to it when saved, null when refused. */
  saveInstrument(form: InstrumentForm): Promise<InstrumentDto | null>
}

export type InstrumentsStore = StoreApi<InstrumentsState>

const closedRegister = {
  items: [],
  total: 0,
  offset: 0,
  search: '',
  siteId: null,
  loading: false,
  problem: null,
} satisfies Partial<InstrumentsState>

/** The register of gas monitors: the Gas page's table, the test form's picker and the dialog both use. */
export function createInstrumentsStore({ api, transport }: Connection): InstrumentsStore {
  let latestLoad = 0
  let latestChoices = 0
  let registerOpen = false

  return createStore<InstrumentsState>()((set, get) => {
    const load = async (): Promise<void> => {
      if (!registerOpen) return
      const asked = ++latestLoad
      const { offset, limit, search, siteId } = get()
      const term = search.trim()
      set({ loading: true })
      try {
        const page = await api.instruments.list({
          offset,
          limit,
          ...(term ? { search: term } : {}),
          ...(siteId === null ? {} : { siteId }),
        })
        if (asked !== latestLoad) return
        set({ items: page.items, total: page.total, loading: false, problem: null })
      } catch (error) {
        if (asked !== latestLoad) return
        set({ loading: false, problem: toProblem(error).message })
      }
    }

    const loadChoices = async (siteId: number): Promise<void> => {
      const asked = ++latestChoices
      try {
        const page = await api.instruments.list({ siteId, limit: choicesLimit })
        if (asked === latestChoices) set({ choices: { siteId, items: page.items }, choicesProblem: null })
      } catch (error) {
        if (asked === latestChoices) set({ choicesProblem: toProblem(error).message })
      }
    }

    const loadSites = async (): Promise<void> => {
      try {
        set({ sites: await api.sites.list({}) })
      } catch {
        // Without the site list the dialog's site field stays empty and says so when saved.
      }
    }

    const paging = pagedSearchActions(set, get, () => void load())

    return {
      ...closedRegister,
      limit: 25,
      sites: [],
      choices: null,
      choicesProblem: null,
      dialog: null,
      saving: false,
      dialogProblem: null,
      ...paging.actions,

      open() {
        registerOpen = true
        set(closedRegister)
        const unsubscribes = [
          transport.subscribe('instruments.changed', () => void load()),
          transport.subscribe('sites.changed', () => void loadSites()),
        ]
        void load()
        void loadSites()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          paging.cancelPendingSearch()
          registerOpen = false
          latestLoad++
          set(closedRegister)
        }
      },

      setSite(siteId) {
        set({ siteId, offset: 0 })
        void load()
      },

      openChoices(siteId) {
        set({ choices: null, choicesProblem: null })
        const unsubscribe = transport.subscribe('instruments.changed', () => void loadChoices(siteId))
        void loadChoices(siteId)
        return () => {
          unsubscribe()
          latestChoices++
          set({ choices: null, choicesProblem: null })
        }
      },

      openDialog(dialog) {
        set({ dialog, dialogProblem: null })
        if (get().sites.length === 0) void loadSites()
      },
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async saveInstrument(form) {
        const { dialog } = get()
        set({ saving: true, dialogProblem: null })
        try {
          const saved = await api.instruments.save(
            dialog?.kind === 'edit' ? { id: dialog.instrument.id, ...form } : form,
          )
          set({ saving: false, dialog: null })
          void load()
          const { choices } = get()
          if (choices && choices.siteId === saved.siteId) void loadChoices(saved.siteId)
          return saved
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
          return null
        }
      },
    }
  })
}
