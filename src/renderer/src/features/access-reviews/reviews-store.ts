import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ReviewDto } from '../../../../shared/contract/access'
import type { Connection } from '../../connection/connection'
import { fromLocalInput } from '../../format/local-datetime'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'
import type { Notice } from '../access/my-access-store'

export type ReviewDialog =
  { kind: 'start' } | { kind: 'shorten'; grantIds: number[] } | { kind: 'revoke'; grantIds: number[] }

export interface ReviewsState {
  reviews: ReviewDto[]
  loaded: boolean
  loading: boolean
  problem: string | null
  notice: Notice | null
  selectedReviewId: number | null
  /** Grants ticked in the open review, for bulk keep and bulk revoke. */
  ticked: number[]
  dialog: ReviewDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the reviews (open first) and follows their changes; the returned function stops that. */
  open(): () => void
  selectReview(reviewId: number): void
  tick(grantId: number, ticked: boolean): void
  tickAll(grantIds: readonly number[], ticked: boolean): void
  openDialog(dialog: ReviewDialog): void
  closeDialog(): void
  start(resourceId: number | null): Promise<void>
  keep(grantIds: readonly number[]): Promise<void>
  /** `validTo`: the new end as a datetime-local text. */
  shorten(validTo: string): Promise<void>
  revoke(reason: string): Promise<void>
  close(): Promise<void>
  dismissNotice(): void
}

export type ReviewsStore = StoreApi<ReviewsState>

const closed = {
  reviews: [],
  loaded: false,
  loading: false,
  problem: null,
  notice: null,
  ticked: [],
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<ReviewsState>

const grants = (count: number) => `${String(count)} ${count === 1 ? 'grant' : 'grants'}`

/** Access reviews: an owner keeps, shortens or revokes every active grant on a resource, then closes the review. */
export function createReviewsStore({ api, transport }: Connection): ReviewsStore {
  let generation = 0
  let refresh = coalescedRefresh(() => Promise.resolve())

  return createStore<ReviewsState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = generation
      set({ loading: true })
      try {
        const reviews = await api.access.reviews({ limit: 200 })
        if (asked !== generation) return
        const { selectedReviewId, ticked } = get()
        const selected = reviews.find((review) => review.id === selectedReviewId) ?? reviews[0]
        const open = new Set(selected?.undecided.map((grant) => grant.id) ?? [])
        set({
          reviews,
          loaded: true,
          loading: false,
          problem: null,
          selectedReviewId: selected?.id ?? null,
          ticked: ticked.filter((id) => open.has(id)),
        })
      } catch (error) {
        if (asked === generation) set({ loading: false, problem: toProblem(error).message })
      }
    }

    const selected = (): ReviewDto | undefined => get().reviews.find((review) => review.id === get().selectedReviewId)

    /** One decision on some grants of the selected review; the reply is the review as it now stands. */
    const decide = async (
      grantIds: readonly number[],
      action: 'keep' | 'shorten' | 'revoke',
      extra: { validTo?: number; note?: string },
      done: string,
    ): Promise<void> => {
      const review = selected()
      if (!review || grantIds.length === 0) return
      set({ saving: true, dialogProblem: null })
      try {
        const after = await api.access.reviewDecide({ reviewId: review.id, grantIds: [...grantIds], action, ...extra })
        set((state) => ({
          saving: false,
          dialog: null,
          reviews: state.reviews.map((candidate) => (candidate.id === after.id ? after : candidate)),
          ticked: state.ticked.filter((id) => !grantIds.includes(id)),
          notice: { severity: 'success', message: done },
        }))
        void refresh.now()
      } catch (error) {
        // Keep has no dialog of its own: its failure shows on the page.
        if (get().dialog) set({ saving: false, dialogProblem: toProblem(error) })
        else set({ saving: false, notice: { severity: 'error', message: toProblem(error).message } })
      }
    }

    return {
      ...closed,
      selectedReviewId: null,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        const unsubscribes = [
          transport.subscribe('access.reviewChanged', () => current.soon()),
          transport.subscribe('access.grantChanged', () => current.soon()),
        ]
        void current.now()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          current.stop()
          if (opened !== generation) return
          generation++
          set({ ...closed, selectedReviewId: null })
        }
      },

      selectReview: (reviewId) =>
        set((state) => (state.selectedReviewId === reviewId ? state : { selectedReviewId: reviewId, ticked: [] })),

      tick: (grantId, ticked) =>
        set((state) => ({
          ticked: ticked ? [...new Set([...state.ticked, grantId])] : state.ticked.filter((id) => id !== grantId),
        })),
      tickAll: (grantIds, ticked) => set({ ticked: ticked ? [...grantIds] : [] }),

      openDialog: (dialog) => set({ dialog, dialogProblem: null, notice: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async start(resourceId) {
        if (resourceId === null) {
          set({ dialogProblem: fieldProblem('resourceId', 'is required: choose the resource to review') })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          const review = await api.access.startReview({ resourceId })
          set((state) => ({
            saving: false,
            dialog: null,
            reviews: [review, ...state.reviews.filter((candidate) => candidate.id !== review.id)],
            selectedReviewId: review.id,
            ticked: [],
            notice: {
              severity: 'success',
              message: `Review #${String(review.id)} of ${review.resource.key} started: ${grants(review.undecided.length)} to decide.`,
            },
          }))
          void refresh.now()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      keep: (grantIds) => decide(grantIds, 'keep', {}, `${grants(grantIds.length)} kept.`),

      async shorten(validToText) {
        const { dialog } = get()
        if (dialog?.kind !== 'shorten') return
        const validTo = fromLocalInput(validToText)
        if (validTo === null) {
          set({ dialogProblem: fieldProblem('validTo', 'is required: the new end, as a date and time') })
          return
        }
        await decide(dialog.grantIds, 'shorten', { validTo }, `${grants(dialog.grantIds.length)} shortened.`)
      },

      async revoke(reason) {
        const { dialog } = get()
        if (dialog?.kind !== 'revoke') return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', 'is required when revoking: say why') })
          return
        }
        await decide(dialog.grantIds, 'revoke', { note: reason }, `${grants(dialog.grantIds.length)} revoked.`)
      },

      async close() {
        const review = selected()
        if (!review) return
        set({ saving: true })
        try {
          const after = await api.access.closeReview({ reviewId: review.id })
          set((state) => ({
            saving: false,
            reviews: state.reviews.map((candidate) => (candidate.id === after.id ? after : candidate)),
            notice: { severity: 'success', message: `Review #${String(after.id)} of ${after.resource.key} closed.` },
          }))
          void refresh.now()
        } catch (error) {
          set({ saving: false, notice: { severity: 'error', message: toProblem(error).message } })
        }
      },

      dismissNotice: () => set({ notice: null }),
    }
  })
}
