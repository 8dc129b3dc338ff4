import { createHash } from 'node:crypto'
import Papa from 'papaparse'
import type { DatalogIssue } from '../../src/shared/contract/datalog'
import { datalogFields, detectColumns, maxStagedRowsPerCall } from '../../src/shared/contract/datalog'
import type { ProcedureOutput } from '../../src/shared/contract/procedures'
import type { Result } from '../../src/shared/contract/errors'
import { datalogRowOf } from '../../src/renderer/src/features/datalog-import/file-rows'
import type { TestBackend } from '../support/test-backend'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

interface FileOptions {
  fileName?: string
  permitId?: number
  chunk?: number
}

/**
 * What the import screen does with a file, through dispatch(): columns found by their headers,
 * rows sent as text in chunks, every row's problems gathered.
 */
export async function stageFile(
  t: TestBackend,
  token: string,
  csv: string,
  options: FileOptions = {},
): Promise<{ begin: ProcedureOutput<'datalog.begin'>; issues: DatalogIssue[]; rows: number }> {
  const records = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data
  const [header = [], ...body] = records
  const mapping = detectColumns(header)
  const columns = Object.fromEntries(
    datalogFields.flatMap((field) => {
      const position = mapping[field]
      return position === undefined ? [] : [[field, header[position] ?? '']]
    }),
  )
  const begin = await t.ok(
    'datalog.begin',
    {
      fileName: options.fileName ?? 'datalog.csv',
      fileSha256: sha256(csv),
      fileBytes: Buffer.byteLength(csv),
      columns,
      ...(options.permitId === undefined ? {} : { permitId: options.permitId }),
    },
    token,
  )
  if (begin.kind !== 'opened') return { begin, issues: [], rows: 0 }
  const rows = body.flatMap((cells, index) => {
    const row = datalogRowOf(cells, index + 2, mapping)
    return row ? [row] : []
  })
  const issues: DatalogIssue[] = []
  const chunk = options.chunk ?? maxStagedRowsPerCall
  for (let start = 0; start < rows.length; start += chunk) {
    const staged = await t.ok(
      'datalog.stage',
      { importId: begin.importId, rows: rows.slice(start, start + chunk) },
      token,
    )
    issues.push(...staged.issues)
  }
  return { begin, issues, rows: rows.length }
}

/** stageFile, then the commit, asked for even when rows were refused: the server must refuse it. */
export async function importFile(
  t: TestBackend,
  token: string,
  csv: string,
  options: FileOptions = {},
): Promise<{
  begin: ProcedureOutput<'datalog.begin'>
  issues: DatalogIssue[]
  commit: Result<ProcedureOutput<'datalog.commit'>> | null
}> {
  const { begin, issues, rows } = await stageFile(t, token, csv, options)
  if (begin.kind !== 'opened') return { begin, issues, commit: null }
  const commit = await t.call('datalog.commit', { importId: begin.importId, rows }, token)
  return { begin, issues, commit }
}
