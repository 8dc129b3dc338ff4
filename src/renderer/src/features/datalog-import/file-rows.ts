import type { DatalogField, DatalogRow } from '../../../../shared/contract/datalog'

/** Which column (by position) holds each field; a field left out has no column. */
export type ColumnMapping = Partial<Record<DatalogField, number>>

/**
 * One record of the file as the row datalog.stage takes: each mapped field's cell as text (the main
 * process reads and checks them). `line` is the row number a spreadsheet shows (the header is 1).
 * Null for a blank row, which holds no reading and is skipped (its number is not reused).
 */
export function datalogRowOf(cells: readonly string[], line: number, mapping: ColumnMapping): DatalogRow | null {
  if (cells.every((cell) => cell.trim() === '')) return null
  const cellOf = (field: DatalogField): string | undefined => {
    const position = mapping[field]
    return position === undefined ? undefined : (cells[position] ?? '')
  }
  const row: DatalogRow = { line, time: cellOf('time') ?? '', serial: cellOf('serial') ?? '' }
  for (const field of ['o2', 'lel', 'h2s', 'co', 'permit'] as const) {
    const cell = cellOf(field)
    if (cell !== undefined) row[field] = cell
  }
  return row
}

/** Roughly what a row weighs as JSON: chunks stay under the HTTP transport's body limit in browser mode. */
export const rowWeight = (row: DatalogRow): number =>
  60 +
  row.time.length +
  row.serial.length +
  (row.o2?.length ?? 0) +
  (row.lel?.length ?? 0) +
  (row.h2s?.length ?? 0) +
  (row.co?.length ?? 0) +
  (row.permit?.length ?? 0)
