import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { DatalogField, DatalogIssue, DatalogReport, DatalogRow } from '../../../../shared/contract/datalog'
import { datalogFields, detectColumns, maxStagedRowsPerCall } from '../../../../shared/contract/datalog'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { ColumnMapping } from './file-rows'
import { datalogRowOf, rowWeight } from './file-rows'
import { fileSha256, readPreview, streamRecords } from './file-parse'

export type RegisterRow = ProcedureOutput<'permits.register'>['items'][number]

/** Rows of the file shown before the import starts, under the header. */
export const previewRows = 8
/** A chunk's JSON stays under ~200 KB: the HTTP transport takes 256 KB a request in browser mode. */
const chunkWeight = 200_000
/** The problems kept for the report; beyond them only their count (a wrong file can have one a row). */
export const keptIssues = 100_000

export type ImportPhase =
  /** No file, or its preview being read. */
  | 'idle'
  /** The preview and the columns found, waiting for the person. */
  | 'ready'
  /** Rows going to Gatehouse and being checked. */
  | 'checking'
  /** Readings moving into the database. */
  | 'committing'
  | 'done'
  /** Rows had problems: nothing was stored. */
  | 'refused'
  /** The same file was imported before: nothing stored. */
  | 'imported_before'
  | 'failed'

export interface DatalogImportState {
  phase: ImportPhase
  file: { name: string; bytes: number } | null
  /** The file's header and first rows, as text, with their row numbers. */
  header: string[]
  preview: { cells: string[]; line: number }[]
  /** Which column each field comes from (the detected one until the person changes it). */
  mapping: ColumnMapping
  /** The permit of every row when the file has no permit column. */
  permitId: number | null
  permits: RegisterRow[]
  /** 0 to 1 within the phase: the file's bytes checked, then the readings moved. */
  progress: number
  checked: number
  refused: number
  issues: DatalogIssue[]
  report: DatalogReport | null
  importedBefore: Extract<ProcedureOutput<'datalog.begin'>, { kind: 'imported_before' }> | null
  problem: string | null
  loadPermits(): Promise<void>
  chooseFile(file: File): Promise<void>
  setColumn(field: DatalogField, position: number | null): void
  setPermit(permitId: number | null): void
  /** Checks every row of the chosen file and, when none has a problem, stores them all. */
  start(): Promise<void>
  /** Back to choosing a file. */
  reset(): void
}

export type DatalogImportStore = StoreApi<DatalogImportState>

const cleared = {
  phase: 'idle',
  file: null,
  header: [],
  preview: [],
  mapping: {},
  permitId: null,
  progress: 0,
  checked: 0,
  refused: 0,
  issues: [],
  report: null,
  importedBefore: null,
  problem: null,
} satisfies Partial<DatalogImportState>

/**
 * Datalog import, as the person does it: choose a CSV file, see its first rows with the columns
 * found (and change them), choose the permit if the file names none, then import. The file is
 * parsed here (papaparse, a chunk at a time) and sent as text in chunks; Gatehouse checks every
 * row and stores all of them or none.
 */
export function createDatalogImportStore({ api, transport }: Connection): DatalogImportStore {
  let chosen: File | null = null
  return createStore<DatalogImportState>()((set, get) => {
    /** Sends every row of the file to an open import; resolves to the rows sent. */
    async function sendRows(file: File, importId: number, mapping: ColumnMapping): Promise<number> {
      let pending: DatalogRow[] = []
      let weight = 0
      let sent = 0
      const flush = async () => {
        if (pending.length === 0) return
        const rows = pending
        pending = []
        weight = 0
        const answer = await api.datalog.stage({ importId, rows })
        sent += rows.length
        const { issues } = get()
        set({
          checked: answer.checked,
          refused: answer.refused,
          issues:
            answer.issues.length > 0 && issues.length < keptIssues
              ? [...issues, ...answer.issues.slice(0, keptIssues - issues.length)]
              : issues,
        })
      }
      let headerSeen = false
      await streamRecords(file, async (records, bytesRead) => {
        for (const { cells, line } of records) {
          // The first row that is not blank is the header (the preview took the same).
          if (!headerSeen) {
            headerSeen = cells.some((cell) => cell.trim() !== '')
            continue
          }
          const row = datalogRowOf(cells, line, mapping)
          if (!row) continue
          pending.push(row)
          weight += rowWeight(row)
          if (pending.length >= maxStagedRowsPerCall || weight >= chunkWeight) await flush()
        }
        set({ progress: file.size === 0 ? 1 : Math.min(1, bytesRead / file.size) })
      })
      await flush()
      return sent
    }

    return {
      ...cleared,
      permits: [],

      async loadPermits() {
        try {
          set({ permits: (await api.permits.register({ limit: 200 })).items })
        } catch (error) {
          set({ problem: toProblem(error).message })
        }
      },

      async chooseFile(file) {
        chosen = file
        set({ ...cleared, file: { name: file.name, bytes: file.size } })
        try {
          const [header, ...rows] = await readPreview(file, previewRows + 1)
          if (chosen !== file) return
          if (!header) {
            set({ phase: 'failed', problem: 'The file is empty: it needs a header row and a row per reading.' })
            return
          }
          set({ phase: 'ready', header: header.cells, preview: rows, mapping: detectColumns(header.cells) })
        } catch (error) {
          set({ phase: 'failed', problem: `The file cannot be read as CSV: ${toProblem(error).message}` })
        }
      },

      setColumn(field, position) {
        const mapping = { ...get().mapping }
        if (position === null) delete mapping[field]
        else mapping[field] = position
        set({ mapping })
      },

      setPermit: (permitId) => set({ permitId }),

      async start() {
        const file = chosen
        const { mapping, header, permitId } = get()
        if (!file) return
        set({ phase: 'checking', progress: 0, checked: 0, refused: 0, issues: [], problem: null })
        let importId: number | null = null
        try {
          const columns: Partial<Record<DatalogField, string>> = {}
          for (const field of datalogFields) {
            const position = mapping[field]
            if (position !== undefined) columns[field] = header[position] ?? ''
          }
          const begun = await api.datalog.begin({
            fileName: file.name,
            fileSha256: await fileSha256(file),
            fileBytes: file.size,
            columns,
            ...(mapping.permit === undefined && permitId !== null ? { permitId } : {}),
          })
          if (begun.kind === 'imported_before') {
            set({ phase: 'imported_before', importedBefore: begun })
            return
          }
          importId = begun.importId
          const rows = await sendRows(file, importId, mapping)
          if (get().refused > 0) {
            set({ phase: 'refused' })
            await api.datalog.discard({ importId }).catch(() => undefined)
            return
          }
          set({ phase: 'committing', progress: 0 })
          const id = importId
          const unsubscribe = transport.subscribe('datalog.progress', (payload) => {
            if (payload.importId === id) set({ progress: payload.total === 0 ? 1 : payload.moved / payload.total })
          })
          try {
            set({ phase: 'done', progress: 1, report: await api.datalog.commit({ importId: id, rows }) })
          } finally {
            unsubscribe()
          }
        } catch (error) {
          const committing = get().phase === 'committing'
          set({ phase: 'failed', problem: toProblem(error).message })
          // An import whose commit started is finished by Gatehouse whatever happens; any other is dropped.
          if (importId !== null && !committing) await api.datalog.discard({ importId }).catch(() => undefined)
        }
      },

      reset() {
        chosen = null
        set(cleared)
      },
    }
  })
}
