import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { GrantDto, RequestDto, ResourceDto } from '../../../../shared/contract/access'
import type { ReportDto } from '../../../../shared/contract/identity'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import type { SessionStore } from '../session/session-store'
import { resourceAtLevel } from './access-labels'
import { checkDraft, draftFromGrant, draftFromRequest, emptyDraft } from './request-draft'
import type { CheckedDraft, RequestDraft } from './request-draft'

export type RequestStatus = RequestDto['status']

export type MyAccessDialog =
  | { kind: 'file'; draft: RequestDraft; extending: GrantDto | null }
  | { kind: 'edit'; draft: RequestDraft; request: RequestDto }
  | { kind: 'withdraw'; request: RequestDto }

/** A permit of the chosen space that a request may name, so access ends when its work does. */
export interface PermitChoice {
  id: number
  number: string
  spaceId: number
  state: string
  validFrom: number
}

export interface Notice {
  severity: 'success' | 'error'
  message: string
}

export interface MyAccessState {
  requests: RequestDto[]
  requestsTotal: number
  requestsTotalCapped: boolean
  hasMoreRequests: boolean
  status: RequestStatus | null
  currentGrants: GrantDto[]
  pastGrants: GrantDto[]
  hasMorePast: boolean
  loaded: boolean
  loading: boolean
  problem: string | null
  notice: Notice | null
  dialog: MyAccessDialog | null
  saving: boolean
  dialogProblem: Problem | null
  permits: PermitChoice[]
  /** The people the caller manages, whom the request dialog offers to ask for. */
  reports: ReportDto[]
  /** Loads my requests and grants and follows their changes; the returned function stops that. */
  open(): () => void
  setStatus(status: RequestStatus | null): void
  loadOlderRequests(): Promise<void>
  loadOlderGrants(): Promise<void>
  openFile(): void
  openExtend(grant: GrantDto, resource: ResourceDto | undefined, now: number): void
  openEdit(request: RequestDto): void
  openWithdraw(request: RequestDto): void
  closeDialog(): void
  /** Open permits, for the request dialog's permit field (only for those who may read the board). */
  loadPermits(): Promise<void>
  /** The caller's reports, read afresh each time the dialog opens (an administrator may have changed them). */
  loadReports(): Promise<void>
  submit(draft: RequestDraft, resource: ResourceDto | undefined): Promise<void>
  withdraw(note: string): Promise<void>
  dismissNotice(): void
}

export type MyAccessStore = StoreApi<MyAccessState>

const pageSize = 50
/** The most a list returns at once: a refresh reads again what is shown, up to this. */
const maxPage = 200

const closed = {
  requests: [],
  requestsTotal: 0,
  requestsTotalCapped: false,
  hasMoreRequests: false,
  currentGrants: [],
  pastGrants: [],
  hasMorePast: false,
  loaded: false,
  loading: false,
  problem: null,
  notice: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
  reports: [],
} satisfies Partial<MyAccessState>

/** "My access": the requester's own requests and grants, and the dialog that asks for more. */
export function createMyAccessStore({ api, transport }: Connection, session: SessionStore): MyAccessStore {
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())
  const me = (): number | undefined => session.getState().user?.id

  return createStore<MyAccessState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = generation
      const holderId = me()
      if (holderId === undefined) return
      const { status, requests, pastGrants } = get()
      set({ loading: true })
      try {
        const [mine, current, past] = await Promise.all([
          api.access.requests({
            scope: 'mine',
            ...(status === null ? {} : { status }),
            limit: Math.min(maxPage, Math.max(pageSize, requests.length)),
          }),
          api.access.grants({ holderId, current: true, limit: maxPage }),
          api.access.grants({
            holderId,
            current: false,
            limit: Math.min(maxPage, Math.max(pageSize, pastGrants.length)),
          }),
        ])
        if (asked !== generation) return
        set({
          requests: mine.items,
          requestsTotal: mine.total,
          requestsTotalCapped: mine.totalCapped,
          hasMoreRequests: mine.hasMore,
          currentGrants: current.items,
          pastGrants: past.items,
          hasMorePast: past.hasMore,
          loaded: true,
          loading: false,
          problem: null,
        })
      } catch (error) {
        if (asked === generation) set({ loading: false, problem: toProblem(error).message })
      }
    }

    /** Files the request, or changes the one being edited; resolves to what to tell the person. */
    const send = async (draft: RequestDraft, value: CheckedDraft): Promise<string> => {
      const { dialog } = get()
      if (dialog?.kind === 'edit') {
        const before = draftFromRequest(dialog.request)
        const edited = await api.access.editRequest({
          requestId: dialog.request.id,
          justification: value.justification,
          durationHours: value.durationHours,
          // An unchanged start may lie in the past by now: only a new one is sent.
          ...(draft.startsAt !== before.startsAt && value.startsAt !== undefined ? { startsAt: value.startsAt } : {}),
          ...(draft.permitId !== before.permitId ? { permitId: value.permitId } : {}),
        })
        return `Request #${String(edited.id)} changed.`
      }
      const filed = await api.access.fileRequest({
        resourceId: value.resourceId,
        level: value.level,
        justification: value.justification,
        durationHours: value.durationHours,
        ...(value.startsAt === undefined ? {} : { startsAt: value.startsAt }),
        ...(value.permitId === null ? {} : { permitId: value.permitId }),
        ...(value.onBehalfOf === null ? {} : { onBehalfOf: value.onBehalfOf }),
      })
      const whose = filed.filedBy ? `, on behalf of ${filed.requester.name},` : ''
      return `Request #${String(filed.id)} for ${resourceAtLevel(filed.resource.key, filed.level)}${whose} sent to its approvers.`
    }

    return {
      ...closed,
      status: null,
      permits: [],

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribes = [
          transport.subscribe('access.requestChanged', () => current.soon()),
          transport.subscribe('access.grantChanged', () => current.soon()),
        ]
        const stopPolling = pollEvery(current)
        void current.now()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopPolling()
          current.stop()
          if (opened !== generation) return
          generation++
          set(closed)
        }
      },

      setStatus(status) {
        generation++
        set({ status, requests: [], hasMoreRequests: false })
        void refresh.now()
      },

      async loadOlderRequests() {
        const { requests, hasMoreRequests, status } = get()
        const oldest = requests.at(-1)
        if (!hasMoreRequests || !oldest) return
        const asked = generation
        try {
          const page = await api.access.requests({
            scope: 'mine',
            ...(status === null ? {} : { status }),
            beforeId: oldest.id,
            limit: pageSize,
          })
          if (asked !== generation) return
          set((state) => ({ requests: [...state.requests, ...page.items], hasMoreRequests: page.hasMore }))
        } catch (error) {
          if (asked === generation) set({ problem: toProblem(error).message })
        }
      },

      async loadOlderGrants() {
        const { pastGrants, hasMorePast } = get()
        const oldest = pastGrants.at(-1)
        const holderId = me()
        if (!hasMorePast || !oldest || holderId === undefined) return
        const asked = generation
        try {
          const page = await api.access.grants({ holderId, current: false, beforeId: oldest.id, limit: pageSize })
          if (asked !== generation) return
          set((state) => ({ pastGrants: [...state.pastGrants, ...page.items], hasMorePast: page.hasMore }))
        } catch (error) {
          if (asked === generation) set({ problem: toProblem(error).message })
        }
      },

      openFile: () => set({ dialog: { kind: 'file', draft: emptyDraft, extending: null }, dialogProblem: null }),
      openExtend: (grant, resource, now) =>
        set({
          dialog: { kind: 'file', draft: draftFromGrant(grant, resource, now), extending: grant },
          dialogProblem: null,
        }),
      openEdit: (request) =>
        set({ dialog: { kind: 'edit', draft: draftFromRequest(request), request }, dialogProblem: null }),
      openWithdraw: (request) => set({ dialog: { kind: 'withdraw', request }, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async loadPermits() {
        try {
          const board = await api.permits.board({})
          set({
            permits: board.cards.map((card) => ({
              id: card.id,
              number: card.number,
              spaceId: card.spaceId,
              state: card.state,
              validFrom: card.validFrom,
            })),
          })
        } catch {
          // The permit link is optional: without the board the field offers nothing.
        }
      },

      async loadReports() {
        const caller = me()
        try {
          const reports = await api.users.reports({})
          // Someone else signed in meanwhile: these are not their reports.
          if (me() === caller) set({ reports })
        } catch {
          // Asking on someone's behalf is optional: without the list the dialog files for oneself.
        }
      },

      async submit(draft, resource) {
        const checked = checkDraft(draft, resource)
        if (!checked.ok) {
          set({ dialogProblem: checked.problem })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          const message = await send(draft, checked.value)
          set({ saving: false, dialog: null, notice: { severity: 'success', message } })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      async withdraw(note) {
        const { dialog } = get()
        if (dialog?.kind !== 'withdraw') return
        set({ saving: true, dialogProblem: null })
        try {
          await api.access.withdrawRequest({ requestId: dialog.request.id, note })
          set({
            saving: false,
            dialog: null,
            notice: { severity: 'success', message: `Request #${String(dialog.request.id)} withdrawn.` },
          })
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      dismissNotice: () => set({ notice: null }),
    }
  })
}
