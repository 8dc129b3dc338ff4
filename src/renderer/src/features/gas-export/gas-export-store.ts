import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ExportFileDto } from '../../../../shared/contract/exports'
import type { GasExportDataset, GasExportResolution, GasExportSubject } from '../../../../shared/contract/gas-export'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { fetchExportFile } from '../exports/export-download'
import { saveFile } from '../exports/save-file'

/** What the Export dialog was opened on: the subject, its name, and the range on screen. */
export interface GasExportTarget {
  subject: GasExportSubject
  label: string
  from: number
  to: number
}

export interface GasExportChoice {
  dataset: GasExportDataset
  resolution: GasExportResolution
  format: 'csv' | 'json'
  from: number
  to: number
}

export interface GasExportState {
  /** The desktop window: the file is on this machine and its path is shown; a browser downloads it. */
  desktop: boolean
  /** The dialog is open on this; null: closed. */
  target: GasExportTarget | null
  exporting: boolean
  /** Rows written of about how many, as the server tells while it writes. */
  progress: { written: number; total: number } | null
  result: ExportFileDto | null
  problem: Problem | null
  downloading: boolean
  open(target: GasExportTarget): void
  /** Closes the dialog; not while the file is being written. */
  close(): void
  start(choice: GasExportChoice): Promise<void>
  /** Browser mode: fetches the written file and hands it to the browser's download. */
  download(): Promise<void>
}

export type GasExportStore = StoreApi<GasExportState>

const closed = {
  target: null,
  exporting: false,
  progress: null,
  result: null,
  problem: null,
  downloading: false,
} satisfies Partial<GasExportState>

/** The server names the file `gas-<dataset>-<time>.<format>`; its first progress event names this one. */
const isThisExport = (exportId: string, choice: GasExportChoice) =>
  exportId.startsWith(`gas-${choice.dataset}-`) && exportId.endsWith(`.${choice.format}`)

/** Gas data of a permit or a space written to a file with progress, then taken away. */
export function createGasExportStore({ api, transport, desktop }: Connection): GasExportStore {
  // Bumped on every open and close, so an answer for a dialog since closed is dropped.
  let visit = 0
  return createStore<GasExportState>()((set, get) => ({
    ...closed,
    desktop,

    open(target) {
      visit++
      set({ ...closed, target })
    },

    close() {
      if (get().exporting) return
      visit++
      set(closed)
    },

    async start(choice) {
      const target = get().target
      if (!target || get().exporting) return
      const asked = visit
      set({ exporting: true, progress: null, result: null, problem: null })
      let exportId: string | null = null
      // Listening before asking: the server tells progress while the call is still running.
      const unsubscribe = transport.subscribe('exports.progress', (progress) => {
        if (asked !== visit) return
        exportId ??= isThisExport(progress.exportId, choice) ? progress.exportId : null
        if (progress.exportId === exportId) set({ progress: { written: progress.written, total: progress.total } })
      })
      try {
        const result = await api.gas.export({ subject: target.subject, ...choice })
        if (asked === visit) set({ exporting: false, result })
      } catch (error) {
        if (asked === visit) set({ exporting: false, problem: toProblem(error) })
      } finally {
        unsubscribe()
      }
    },

    async download() {
      const result = get().result
      if (!result || get().downloading) return
      const asked = visit
      set({ downloading: true, problem: null })
      try {
        saveFile(result.name, await fetchExportFile(result.name))
        if (asked === visit) set({ downloading: false })
      } catch (error) {
        if (asked === visit) set({ downloading: false, problem: toProblem(error) })
      }
    },
  }))
}
