import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { HandoverDto, HandoverReportDto } from '../../../../shared/contract/handover'
import type { Connection } from '../../connection/connection'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { coalescedRefresh } from '../../live/coalesced-refresh'
import { permitCardEvents } from '../../live/permit-events'

export type HandoverDialog = { kind: 'sign' } | { kind: 'acknowledge'; handover: HandoverDto }

export interface HandoverState {
  report: HandoverReportDto | null
  shiftHours: string
  notes: string
  history: HandoverDto[]
  loading: boolean
  problem: Problem | null
  historyProblem: string | null
  dialog: HandoverDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Draws up the report and lists recent handovers, following changes; returns the stop. */
  open(): () => void
  setShiftHours(text: string): void
  setNotes(notes: string): void
  openDialog(dialog: HandoverDialog): void
  closeDialog(): void
  sign(password: string): Promise<void>
  acknowledge(password: string): Promise<void>
}

export type HandoverStore = StoreApi<HandoverState>

const defaultShiftHours = '12'
const historyLimit = 10
const shiftHoursMessage = 'must be a number of hours from 1 to 24'

/** The shift length typed, or null when it is not one the server would take. */
export function parseShiftHours(text: string): number | null {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN
  return value >= 1 && value <= 24 ? value : null
}

const closed = {
  report: null,
  shiftHours: defaultShiftHours,
  notes: '',
  history: [],
  loading: false,
  problem: null,
  historyProblem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<HandoverState>

export function createHandoverStore({ api, transport }: Connection): HandoverStore {
  let latestOpen = 0
  let redraft = coalescedRefresh(() => Promise.resolve())

  return createStore<HandoverState>()((set, get) => {
    const draft = async (): Promise<void> => {
      const opened = latestOpen
      const shiftHours = parseShiftHours(get().shiftHours)
      if (shiftHours === null) return set({ problem: fieldProblem('shiftHours', shiftHoursMessage) })
      set({ loading: true })
      try {
        const report = await api.handover.draft({ shiftHours })
        if (opened === latestOpen) set({ report, loading: false, problem: null })
      } catch (error) {
        if (opened === latestOpen) set({ loading: false, problem: toProblem(error) })
      }
    }

    const loadHistory = async (): Promise<void> => {
      const opened = latestOpen
      try {
        const history = await api.handover.list({ limit: historyLimit })
        if (opened === latestOpen) set({ history, historyProblem: null })
      } catch (error) {
        if (opened === latestOpen) set({ historyProblem: toProblem(error).message })
      }
    }

    const sign = async (run: () => Promise<HandoverDto>): Promise<void> => {
      set({ saving: true, dialogProblem: null })
      try {
        await run()
        set({ saving: false, dialog: null })
        void loadHistory()
      } catch (error) {
        set({ saving: false, dialogProblem: toProblem(error) })
      }
    }

    return {
      ...closed,

      open() {
        const opened = ++latestOpen
        set(closed)
        const current = coalescedRefresh(draft)
        redraft = current
        const unsubscribes = [
          ...permitCardEvents.map((name) => transport.subscribe(name, () => current.soon())),
          transport.subscribe('handovers.changed', () => void loadHistory()),
        ]
        void current.now()
        void loadHistory()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          current.stop()
          if (opened !== latestOpen) return
          latestOpen++
          set(closed)
        }
      },

      setShiftHours(shiftHours) {
        set({ shiftHours })
        redraft.soon()
      },
      setNotes: (notes) => set({ notes }),
      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async sign(password) {
        const shiftHours = parseShiftHours(get().shiftHours)
        if (shiftHours === null) return set({ dialogProblem: fieldProblem('shiftHours', shiftHoursMessage) })
        await sign(async () => {
          const signed = await api.handover.sign({ shiftHours, notes: get().notes, password })
          set({ notes: '' })
          return signed
        })
      },

      async acknowledge(password) {
        const { dialog } = get()
        if (dialog?.kind !== 'acknowledge') return
        // Names the signed time shown: the server refuses it for any other version of the handover.
        const { id: handoverId, signedAt } = dialog.handover
        await sign(() => api.handover.acknowledge({ handoverId, signedAt, password }))
      },
    }
  })
}
