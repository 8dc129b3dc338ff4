import Papa from 'papaparse'
import type { ExportRow } from './export-columns'

/** What a file says about itself before its rows: its subject, range, resolution, units, checkpoint. */
export type ExportHeading = Record<string, unknown>

/**
 * CSV: the heading as one comment line a CSV reader skips (pandas: comment='#'; papaparse:
 * comments: '#'), the column names (also when there are no rows), then the rows.
 */
export async function* csvChunks(
  heading: ExportHeading,
  columns: readonly string[],
  pages: AsyncIterable<ExportRow[]>,
) {
  yield `# ${JSON.stringify(heading)}\n${Papa.unparse([columns as string[]], { newline: '\n' })}\n`
  for await (const page of pages)
    yield `${Papa.unparse(
      page.map((row) => columns.map((column) => row[column] ?? null)),
      { header: false, newline: '\n' },
    )}\n`
}

/** JSON: the heading's fields, the column names, then "rows" as objects with those keys. */
export async function* jsonChunks(
  heading: ExportHeading,
  columns: readonly string[],
  pages: AsyncIterable<ExportRow[]>,
) {
  yield `${JSON.stringify({ ...heading, columns }).slice(0, -1)},"rows":[`
  let first = true
  for await (const page of pages) {
    yield `${first ? '' : ','}\n${page.map((row) => JSON.stringify(row)).join(',\n')}`
    first = false
  }
  yield '\n]}\n'
}
