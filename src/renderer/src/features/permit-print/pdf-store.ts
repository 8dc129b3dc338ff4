import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

export interface PdfState {
  /** Only the desktop window can save a PDF; browsers print and offer "Save as PDF" there. */
  available: boolean
  saving: boolean
  /** Where the last PDF went; null when none was saved or the person cancelled. */
  savedTo: string | null
  problem: string | null
  /** Saves the print view this window shows as a PDF, through permits.savePdf. */
  save(permitId: number): Promise<void>
}

export type PdfStore = StoreApi<PdfState>

export function createPdfStore({ api, desktop }: Connection): PdfStore {
  return createStore<PdfState>()((set) => ({
    available: desktop,
    saving: false,
    savedTo: null,
    problem: null,
    async save(permitId) {
      set({ saving: true, problem: null, savedTo: null })
      try {
        const { file } = await api.permits.savePdf({ permitId })
        set({ savedTo: file })
      } catch (error) {
        set({ problem: toProblem(error).message })
      } finally {
        set({ saving: false })
      }
    },
  }))
}
