import { z } from 'zod'
import { alarmLevels } from '../domain/alarm-levels'
import { gases } from '../domain/gases'
import { command, query } from './define'
import { epochMs } from './common'
import { permitIdSchema } from './permits'

/**
 * Datalog import: the CSV layout a safety officer's file must follow, how its cells are read, and
 * the procedures that carry it in. The renderer parses the file (papaparse) and sends the cells as
 * text; the main process reads and checks them, so what is stored never depends on the screen.
 */

/** The fields of a datalog row, in the order the import screen lists them. */
export const datalogFields = ['time', 'serial', 'o2', 'lel', 'h2s', 'co', 'permit'] as const
export type DatalogField = (typeof datalogFields)[number]

export interface DatalogFieldInfo {
  label: string
  required: boolean
  /** What the column holds, for the screen and the README. */
  description: string
  /** Header names taken for it, compared by headerKey (case, spaces and punctuation ignored). */
  headers: readonly string[]
}

export const datalogLayout: Record<DatalogField, DatalogFieldInfo> = {
  time: {
    label: 'Time',
    required: true,
    description:
      'When the reading was taken: ISO 8601 with a zone offset or Z (2026-11-21T08:00:00+01:00, 2026-11-21 07:00:00Z), or epoch seconds or milliseconds. A time without a zone is refused, never guessed.',
    headers: ['Time', 'Date/Time', 'DateTime', 'Timestamp', 'Time (UTC)', 'Date Time (UTC)', 'Logged at', 'Taken at'],
  },
  serial: {
    label: 'Instrument serial',
    required: true,
    description: 'The monitor’s serial number, as in the site’s instrument register.',
    headers: [
      'Serial',
      'SN',
      'Serial number',
      'Serial no',
      'Instrument',
      'Instrument serial',
      'Instrument SN',
      'Monitor',
    ],
  },
  o2: {
    label: 'O2 (% vol)',
    required: false,
    description: 'Oxygen in % vol, at most 2 decimals; empty when not measured.',
    headers: ['O2', 'O2 (%VOL)', 'O2 %', 'O2 (% vol)', 'Oxygen', 'Oxygen (%)'],
  },
  lel: {
    label: 'LEL (%)',
    required: false,
    description: 'Combustible gases in % LEL, at most 1 decimal; empty when not measured.',
    headers: ['LEL', 'LEL (%LEL)', 'LEL %', 'LEL (%)', 'Combustibles', 'EX'],
  },
  h2s: {
    label: 'H2S (ppm)',
    required: false,
    description: 'Hydrogen sulfide in ppm, at most 1 decimal; empty when not measured.',
    headers: ['H2S', 'H2S (PPM)', 'H2S ppm', 'Hydrogen sulfide'],
  },
  co: {
    label: 'CO (ppm)',
    required: false,
    description: 'Carbon monoxide in ppm, at most 1 decimal; empty when not measured.',
    headers: ['CO', 'CO (PPM)', 'CO ppm', 'Carbon monoxide'],
  },
  permit: {
    label: 'Permit',
    required: false,
    description:
      'The permit the reading belongs to: its number (CSE-NORTH-2026-0042) or its id. Without this column, the permit is chosen in the dialog.',
    headers: ['Permit', 'Permit number', 'Permit no', 'Permit #', 'Permit id'],
  },
}

/** A header as compared with the layout's names: "O2 (%VOL)" and "o2 vol" are both `o2vol`. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

const fieldOfHeader = new Map<string, DatalogField>(
  datalogFields.flatMap((field) => datalogLayout[field].headers.map((header) => [headerKey(header), field] as const)),
)

/** Which column (by position) each field was found in, by its header; the first column named for a field wins. */
export function detectColumns(headers: readonly string[]): Partial<Record<DatalogField, number>> {
  const found: Partial<Record<DatalogField, number>> = {}
  headers.forEach((header, position) => {
    const field = fieldOfHeader.get(headerKey(header))
    if (field !== undefined && found[field] === undefined) found[field] = position
  })
  return found
}

/** A cell read, or why it cannot be. */
export type CellReading<T> = { ok: true; value: T } | { ok: false; rule: string; message: string }

const timeFormat =
  'must be ISO 8601 with a zone offset or Z (2026-11-21T08:00:00+01:00), or epoch seconds or milliseconds'

/** Below this an epoch number is seconds (until the year 5138), from it milliseconds (from 1973). */
const epochMillisecondsFrom = 100_000_000_000

const isoTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?$/

/** "123" -> 123 ms, "5" -> 500 ms; null: finer than a millisecond, which a reading's key cannot hold. */
function fractionMs(digits: string | undefined): number | null {
  if (digits === undefined) return 0
  if (digits.length > 3) return /^0*$/.test(digits.slice(3)) ? Number(digits.slice(0, 3).padEnd(3, '0')) : null
  return Number(digits.padEnd(3, '0'))
}

/**
 * A datalog time as epoch ms (UTC). ISO 8601 must carry its zone (Z, UTC or an offset such as
 * +05:30 or -0400): a wall-clock time alone could be any of 24 instants, so it is refused with the
 * fix in words, never guessed from the workstation's zone. A plain number is epoch seconds (with up
 * to 3 decimals) below 100,000,000,000, else epoch milliseconds.
 */
export function parseDatalogTime(text: string): CellReading<number> {
  const cell = text.trim()
  if (cell === '') return { ok: false, rule: 'required', message: 'is required' }
  const epoch = /^(\d{1,16})(?:\.(\d+))?$/.exec(cell)
  if (epoch) {
    const whole = Number(epoch[1])
    if (whole < epochMillisecondsFrom) {
      const fraction = fractionMs(epoch[2])
      if (fraction === null) return { ok: false, rule: 'time_format', message: 'must not be finer than a millisecond' }
      return { ok: true, value: whole * 1000 + fraction }
    }
    if (epoch[2] !== undefined)
      return { ok: false, rule: 'time_format', message: 'in epoch milliseconds must be a whole number' }
    return { ok: true, value: whole }
  }
  const iso = isoTime.exec(cell)
  if (!iso) return { ok: false, rule: 'time_format', message: timeFormat }
  const [, year, month, day, hour, minute, second, fraction, utc, sign, offsetHours, offsetMinutes] = iso
  if (utc === undefined && sign === undefined)
    return {
      ok: false,
      rule: 'time_zone',
      message: `has no time zone: add the offset the instrument logged in (${cell}+01:00, say) or Z for UTC; a time without one is never guessed`,
    }
  const ms = fractionMs(fraction)
  if (ms === null) return { ok: false, rule: 'time_format', message: 'must not be finer than a millisecond' }
  const y = Number(year)
  const mo = Number(month)
  const d = Number(day)
  const h = Number(hour)
  const mi = Number(minute)
  const s = second === undefined ? 0 : Number(second)
  // Date.UTC would roll 31 April over into May: a date that does not exist is refused.
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59)
    return { ok: false, rule: 'time_format', message: 'is not a real date and time' }
  const offsetH = offsetHours === undefined ? 0 : Number(offsetHours)
  const offsetM = offsetMinutes === undefined ? 0 : Number(offsetMinutes)
  if (offsetH > 18 || offsetM > 59) return { ok: false, rule: 'time_format', message: 'has an offset that no zone has' }
  const offsetMs = (sign === '-' ? -1 : 1) * (offsetH * 60 + offsetM) * 60_000
  return { ok: true, value: Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMs }
}

/** Days in a month of the Gregorian calendar (month 1 to 12). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** A gas cell: empty is "not measured" (never 0); a number as written (20.9, 0, .5); anything else refused. */
export function parseGasCell(text: string): CellReading<number | undefined> {
  const cell = text.trim()
  if (cell === '') return { ok: true, value: undefined }
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(cell))
    return {
      ok: false,
      rule: 'number',
      message: 'must be a number such as 20.9 with a point for decimals (leave the cell empty when not measured)',
    }
  return { ok: true, value: Number(cell) }
}

/** The most rows one datalog.stage call carries. */
export const maxStagedRowsPerCall = 5000

const cell = z.string().max(200, 'must be at most 200 characters')

/** One row of the file as its cells' text, by field; a field without a column is left out. */
export const datalogRowSchema = z.strictObject({
  /** Its row number in the file as a spreadsheet shows it: the header is row 1. */
  line: z.number().int().min(2, 'must be at least 2 (row 1 is the header)'),
  time: cell,
  serial: cell,
  o2: cell.optional(),
  lel: cell.optional(),
  h2s: cell.optional(),
  co: cell.optional(),
  permit: cell.optional(),
})
export type DatalogRow = z.infer<typeof datalogRowSchema>

/** One problem with one row of the file: its row number, the field, the rule and a sentence. */
export const datalogIssueSchema = z.object({
  line: z.number().int(),
  field: z.enum(datalogFields),
  rule: z.string(),
  message: z.string(),
})
export type DatalogIssue = z.infer<typeof datalogIssueSchema>

export const importIdSchema = z.number().int().positive()

/** Readings of the file at or beyond a level, per gas and level. */
export const breachCountSchema = z.object({
  gas: z.enum(gases),
  level: z.enum(alarmLevels),
  count: z.number().int().positive(),
})
export type BreachCount = z.infer<typeof breachCountSchema>

export const datalogReportSchema = z.object({
  importId: importIdSchema,
  fileName: z.string(),
  fileSha256: z.string(),
  /** Rows of the file (readings). */
  rows: z.number().int().nonnegative(),
  /** Readings new to Gatehouse, now stored. */
  stored: z.number().int().nonnegative(),
  /** Readings already stored for the same permit, instrument and millisecond (an overlapping file): kept as they were. */
  alreadyStored: z.number().int().nonnegative(),
  /** The permits' numbers. */
  permits: z.array(z.string()),
  /** The earliest and latest reading of the file. */
  from: epochMs.nullable(),
  to: epochMs.nullable(),
  /** Imported readings raise no alarm (they are history); these are the breaches found in the file. */
  breaches: z.array(breachCountSchema),
  committedAt: epochMs,
})
export type DatalogReport = z.infer<typeof datalogReportSchema>

export const datalogProcedures = {
  'datalog.begin': query({
    description:
      'Opens the import of a datalog CSV file, named by its SHA-256. A file imported before is not imported again: the answer says when and by whom, and nothing is stored. Writes no record, only the import’s draft, which stays until datalog.commit (or is dropped).',
    input: z.strictObject({
      fileName: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)'),
      fileBytes: z.number().int().nonnegative(),
      /** Which header became which field, as the person confirmed it (kept with the import). */
      columns: z.partialRecord(z.enum(datalogFields), z.string().max(200)),
      /** For a file without a permit column: the permit every row belongs to. */
      permitId: permitIdSchema.optional(),
    }),
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('opened'), importId: importIdSchema }),
      z.object({
        kind: z.literal('imported_before'),
        importId: importIdSchema,
        fileName: z.string(),
        importedAt: epochMs,
        importedBy: z.string(),
        stored: z.number().int().nonnegative(),
      }),
    ]),
  }),
  'datalog.stage': query({
    description:
      'Checks rows of an open import (up to 5,000 a call, in file order) against the reading rules, the instrument register and the permits, and keeps the good ones aside for the commit (once a row is refused, later rows are checked, not kept). Answers every problem of these rows and the totals so far. Writes no record, only the import’s draft.',
    input: z.strictObject({
      importId: importIdSchema,
      rows: z
        .array(datalogRowSchema)
        .min(1, 'must hold at least one row')
        .max(maxStagedRowsPerCall, `must hold at most ${String(maxStagedRowsPerCall)} rows`),
    }),
    output: z.object({
      issues: z.array(datalogIssueSchema),
      /** Rows checked so far, and of them the rows with a problem. */
      checked: z.number().int().nonnegative(),
      refused: z.number().int().nonnegative(),
    }),
  }),
  'datalog.commit': command({
    description:
      'Stores an import’s readings, all or nothing: refused while any row has a problem or when rows are missing. Moves them in chunks that keep the console responsive (progress as datalog.progress events); once started it finishes, after a restart if need be. Imported readings are history: they raise no alarm and order no evacuation. Audited once per import.',
    input: z.strictObject({
      importId: importIdSchema,
      /** How many rows the file held: a row lost on the way makes the commit refuse. */
      rows: z.number().int().positive('must be at least 1: the file holds no readings'),
    }),
    output: datalogReportSchema,
  }),
  'datalog.discard': query({
    description:
      'Drops an import that will not be committed (its problems are to be fixed first, or the person gave up).',
    input: z.strictObject({ importId: importIdSchema }),
    output: z.object({ discarded: z.boolean() }),
  }),
}
