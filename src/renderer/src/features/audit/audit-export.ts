import type { ExportFileDto } from '../../../../shared/contract/exports'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { AuditSlice, Visit } from './audit-slice'
import { fetchExportFile } from '../exports/export-download'
import { saveFile } from '../exports/save-file'

export type ExportFormat = 'csv' | 'json'

/** An export of the trail as filtered on the page: asked for, written with progress, then taken away. */
export interface ExportSlice {
  /** The desktop window: the file is on this machine and its path is shown; a browser downloads it. */
  desktop: boolean
  /** Whether the export dialog is open. */
  exportOpen: boolean
  exporting: boolean
  /** Rows written of the total, as the server tells while it writes. */
  exportProgress: { written: number; total: number } | null
  exportResult: ExportFileDto | null
  exportProblem: string | null
  downloading: boolean
  openExport(): void
  /** Closes the dialog; not while the file is being written. */
  closeExport(): void
  startExport(format: ExportFormat): Promise<void>
  /** Browser mode: fetches the written file and hands it to the browser's download. */
  downloadExport(): Promise<void>
}

export const exportClosed = {
  exportOpen: false,
  exporting: false,
  exportProgress: null,
  exportResult: null,
  exportProblem: null,
  downloading: false,
} satisfies Partial<ExportSlice>

/** The server names an audit export `audit-<time>.<format>`; its first progress event names this one. */
const isAuditExport = (exportId: string, format: ExportFormat) =>
  exportId.startsWith('audit-') && exportId.endsWith(`.${format}`)

export function exportSlice({ api, transport, desktop }: Connection, visit: Visit): AuditSlice<ExportSlice> {
  return (set, get) => ({
    ...exportClosed,
    desktop,

    openExport() {
      set({ ...exportClosed, exportOpen: true })
    },

    closeExport() {
      if (!get().exporting) set(exportClosed)
    },

    async startExport(format) {
      if (get().exporting) return
      const asked = visit.current
      set({ exporting: true, exportProgress: null, exportResult: null, exportProblem: null })
      let exportId: string | null = null
      // Listening before asking: the server tells progress while the call is still running.
      const unsubscribe = transport.subscribe('exports.progress', (progress) => {
        if (asked !== visit.current || !get().exporting) return
        exportId ??= isAuditExport(progress.exportId, format) ? progress.exportId : null
        if (progress.exportId !== exportId) return
        set({ exportProgress: { written: progress.written, total: progress.total } })
      })
      try {
        const result = await api.audit.export({ format, filter: get().filter })
        if (asked !== visit.current) return
        set({ exporting: false, exportResult: result })
      } catch (error) {
        if (asked !== visit.current) return
        set({ exporting: false, exportProblem: toProblem(error).message })
      } finally {
        unsubscribe()
      }
    },

    async downloadExport() {
      const result = get().exportResult
      if (!result || get().downloading) return
      const asked = visit.current
      set({ downloading: true, exportProblem: null })
      try {
        saveFile(result.name, await fetchExportFile(result.name))
        if (asked === visit.current) set({ downloading: false })
      } catch (error) {
        if (asked === visit.current) set({ downloading: false, exportProblem: toProblem(error).message })
      }
    },
  })
}
