import type { DatalogField, DatalogIssue, DatalogRow } from '../../shared/contract/datalog'
import { parseDatalogTime, parseGasCell } from '../../shared/contract/datalog'
import type { ReadingInput } from '../../shared/contract/readings'
import { templateGasNames } from '../../shared/contract/readings'
import { gases } from '../../shared/domain/gases'
import type { ReadingField } from '../readings/reading-checks'
import { readingShape } from '../readings/reading-checks'

/** A reading's field as the file names it: the column a problem is reported in. */
export const fileFieldOf: Record<ReadingField, DatalogField> = {
  permitId: 'permit',
  loggedAt: 'time',
  monitoredBy: 'serial',
  kind: 'time',
  oxygenPercent: 'o2',
  lelPercent: 'lel',
  h2sPpm: 'h2s',
  coPpm: 'co',
  input: 'time',
}

/** How a row's permit is found: the dialog's choice for the whole file, or per row by id or number. */
export interface PermitResolver {
  chosen: number | null
  /** Permit ids by upper-case number, for the numbers this chunk names. */
  byNumber: ReadonlyMap<string, number[]>
}

/** The upper-case permit numbers a chunk's permit cells name (a cell of digits is an id, not a number). */
export function permitNumbersOf(rows: readonly DatalogRow[]): Set<string> {
  const numbers = new Set<string>()
  for (const row of rows) {
    const cell = row.permit?.trim() ?? ''
    if (cell !== '' && !/^\d+$/.test(cell)) numbers.add(cell.toUpperCase())
  }
  return numbers
}

/**
 * One row of the file as a reading (always continuous: a datalog is what a monitor logged), read
 * cell by cell and then held to the reading's shape (reading-checks.ts), so a datalog row meets the
 * same rules as a reading posted live. Null, with every problem named by row and column, when it
 * cannot be one.
 */
export function readDatalogRow(
  row: DatalogRow,
  permits: PermitResolver,
): { reading: ReadingInput; issues: null } | { reading: null; issues: DatalogIssue[] } {
  let issues: DatalogIssue[] | null = null
  const time = parseDatalogTime(row.time)
  if (!time.ok) (issues ??= []).push({ line: row.line, field: 'time', rule: time.rule, message: time.message })
  const values: (number | undefined)[] = [undefined, undefined, undefined, undefined]
  for (let position = 0; position < gases.length; position++) {
    const gas = gases[position] ?? 'o2'
    const cell = parseGasCell(row[gas] ?? '')
    if (cell.ok) values[position] = cell.value
    else (issues ??= []).push({ line: row.line, field: gas, rule: cell.rule, message: cell.message })
  }
  const permit = permitOf(row, permits)
  if (typeof permit !== 'number') (issues ??= []).push({ line: row.line, field: 'permit', ...permit })
  // Keys in one order, a field not given left out (as a monitor sends it): readingShape's fast path.
  const candidate: Record<string, unknown> = {}
  if (typeof permit === 'number') candidate.permitId = permit
  if (time.ok) candidate.loggedAt = time.value
  candidate.monitoredBy = row.serial
  candidate.kind = 'continuous'
  for (let position = 0; position < gases.length; position++) {
    const value = values[position]
    if (value !== undefined) candidate[templateGasNames[gases[position] ?? 'o2']] = value
  }
  const shape = readingShape(candidate)
  if (shape.issues) {
    // A cell already refused is not refused again as missing.
    const named = new Set(issues?.map((issue) => issue.field))
    for (const issue of shape.issues) {
      const field = fileFieldOf[issue.field as ReadingField] ?? 'time'
      if (!named.has(field)) (issues ??= []).push({ line: row.line, field, rule: issue.rule, message: issue.message })
    }
  }
  if (issues || !shape.row) return { reading: null, issues: issues ?? [] }
  return { reading: shape.row, issues: null }
}

/** The row's permit id, or why it has none. */
function permitOf(row: DatalogRow, permits: PermitResolver): number | { rule: string; message: string } {
  if (permits.chosen !== null) return permits.chosen
  const cell = row.permit?.trim() ?? ''
  if (cell === '') return { rule: 'required', message: 'is required: the row names no permit' }
  if (/^\d+$/.test(cell)) return Number(cell)
  const ids = permits.byNumber.get(cell.toUpperCase()) ?? []
  if (ids.length === 1 && ids[0] !== undefined) return ids[0]
  return ids.length === 0
    ? { rule: 'exists', message: 'must be the number or id of an existing permit' }
    : { rule: 'ambiguous', message: 'is the number of permits at several sites; give the permit’s id instead' }
}
