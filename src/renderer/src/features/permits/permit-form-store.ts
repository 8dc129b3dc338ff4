import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { SiteDto } from '../../../../shared/contract/sites'
import { defaultConditionsFor } from '../../../../shared/domain/limit-profiles'
import type { Connection } from '../../connection/connection'
import { localProblem, toProblem, withoutPrefix } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { conditionFields, conditionTexts, draftFromDetail, draftToFields, newDraft } from './permit-draft'
import type { PermitDraft, SpaceChoice } from './permit-draft'
import { siteProfile } from './site-profile'

export interface PermitFormState {
  /** The draft permit being edited, or null for a new one. */
  permitId: number | null
  permitNumber: string | null
  version: number | null
  draft: PermitDraft
  ready: boolean
  loadProblem: string | null
  sites: SiteDto[]
  spaceOptions: SpaceChoice[]
  saving: boolean
  problem: Problem | null
  /** Starts a new permit for this supervisor, or loads a draft to edit; the returned function closes it. */
  open(permitId: number | null, me: { id: number; displayName: string }): () => void
  searchSpaces(term: string): void
  update(patch: Partial<PermitDraft>): void
  chooseSpace(space: SpaceChoice | null): void
  /** Resolves the saved permit's id, or null when it was not saved. */
  save(): Promise<number | null>
}

export type PermitFormStore = StoreApi<PermitFormState>

const spaceSearchDelayMs = 250
const spaceOptionsLimit = 50

export function createPermitFormStore({ api }: Connection): PermitFormStore {
  let generation = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  return createStore<PermitFormState>()((set, get) => {
    const loadSpaces = async (term: string): Promise<void> => {
      const asked = generation
      try {
        const page = await api.spaces.list({
          limit: spaceOptionsLimit,
          ...(term.trim() ? { search: term.trim() } : {}),
        })
        if (asked === generation) set({ spaceOptions: page.items })
      } catch (error) {
        if (asked === generation) set({ loadProblem: toProblem(error).message })
      }
    }

    const loadDraft = async (permitId: number): Promise<void> => {
      const asked = generation
      try {
        const detail = await api.permits.get({ permitId })
        if (asked !== generation) return
        set({
          draft: draftFromDetail(detail),
          version: detail.card.version,
          permitNumber: detail.card.number,
          ready: true,
          loadProblem: detail.card.state === 'draft' ? null : 'Only a draft permit can be edited.',
        })
      } catch (error) {
        if (asked === generation) set({ loadProblem: toProblem(error).message })
      }
    }

    const loadSites = async (): Promise<void> => {
      const asked = generation
      try {
        const sites = await api.sites.list({})
        if (asked !== generation) return
        set({ sites })
        // A space chosen before the sites arrived still gets its profile's conditions.
        const { draft } = get()
        const profile = siteProfile(sites, draft.space?.siteId)
        if (profile && conditionFields.every((field) => draft.conditions[field].trim() === ''))
          set({ draft: { ...draft, conditions: conditionTexts(defaultConditionsFor(profile)) } })
      } catch (error) {
        if (asked === generation) set({ loadProblem: toProblem(error).message })
      }
    }

    return {
      permitId: null,
      permitNumber: null,
      version: null,
      draft: newDraft(Date.now(), { id: 0, displayName: '' }),
      ready: false,
      loadProblem: null,
      sites: [],
      spaceOptions: [],
      saving: false,
      problem: null,

      open(permitId, me) {
        const opened = ++generation
        set({
          permitId,
          permitNumber: null,
          version: null,
          draft: newDraft(Date.now(), me),
          ready: permitId === null,
          loadProblem: null,
          spaceOptions: [],
          saving: false,
          problem: null,
        })
        void loadSites()
        void loadSpaces('')
        if (permitId !== null) void loadDraft(permitId)
        return () => {
          clearTimeout(searchTimer)
          if (opened === generation) generation++
        }
      },

      searchSpaces(term) {
        clearTimeout(searchTimer)
        searchTimer = setTimeout(() => void loadSpaces(term), spaceSearchDelayMs)
      },

      update: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),

      chooseSpace(space) {
        const { draft, sites } = get()
        const before = siteProfile(sites, draft.space?.siteId)
        const after = siteProfile(sites, space?.siteId)
        const blank = conditionFields.every((field) => draft.conditions[field].trim() === '')
        // 1910.146(f)(9): start from the site's profile; a permit may only make it stricter.
        const rebase = after !== null && (blank || before?.id !== after.id)
        set({
          draft: {
            ...draft,
            space,
            ...(rebase ? { conditions: conditionTexts(defaultConditionsFor(after)) } : {}),
          },
        })
      },

      async save() {
        const { draft, permitId, version } = get()
        const converted = draftToFields(draft)
        if ('issues' in converted) {
          set({ problem: localProblem(converted.issues) })
          return null
        }
        set({ saving: true, problem: null })
        try {
          const saved =
            permitId === null || version === null
              ? await api.permits.create(converted.fields)
              : await api.permits.update({ permitId, version, fields: converted.fields })
          set({ saving: false })
          return saved.card.id
        } catch (error) {
          // permits.update nests the fields; its issues name "fields.validTo" where the form has "validTo".
          const problem = toProblem(error)
          set({ saving: false, problem: permitId === null ? problem : withoutPrefix(problem, 'fields') })
          return null
        }
      },
    }
  })
}
