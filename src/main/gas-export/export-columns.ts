import type { GasExportDataset, GasExportResolution } from '../../shared/contract/gas-export'
import { gases, gasInfo, type Gas } from '../../shared/domain/gases'

/** One value of a row: the same in CSV and JSON. */
export type Cell = string | number | boolean | null
export type ExportRow = Record<string, Cell>

/** A time as the file gives it: ISO 8601 in UTC, beside its epoch milliseconds. */
export const isoOf = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString())

/** Each gas's unit as a column names it: o2_pct_vol, h2s_ppm. */
const unitSlugs: Record<Gas, string> = { o2: 'pct_vol', lel: 'pct_lel', h2s: 'ppm', co: 'ppm' }
export const gasColumn = (gas: Gas) => `${gas}_${unitSlugs[gas]}`

/** The units the values are in, as the file's heading states them. */
export const gasUnits = Object.fromEntries(gases.map((gas) => [gas, gasInfo[gas].unit])) as Record<Gas, string>

/** What a rollup row gives of each gas: how many readings, their mean, lowest, highest, first and last. */
export const rollupMeasures = ['n', 'mean', 'min', 'max', 'first', 'last'] as const

const rawColumns = ['time', 'time_ms', 'permit', 'space', 'instrument', ...gases.map(gasColumn), 'source', 'simulated']

/** A rollup row summarizes [from, to): a whole minute or hour, or the part of one inside the window. */
const rollupColumns = [
  'from',
  'from_ms',
  'to',
  'to_ms',
  'whole_period',
  'permit',
  'space',
  'instrument',
  ...gases.flatMap((gas) => rollupMeasures.map((measure) => `${gasColumn(gas)}_${measure}`)),
]

const alarmColumns = [
  'raised_at',
  'raised_at_ms',
  'permit',
  'space',
  'instrument',
  'kind',
  'priority',
  'gas',
  'level',
  'value',
  'limit',
  'unit',
  'message',
  'first_out',
  'latched',
  'acknowledged_at',
  'acknowledged_at_ms',
  'cleared_at',
  'cleared_at_ms',
  'resolved_at',
  'resolved_at_ms',
  'resolution',
  'resolution_note',
  'help_sent',
]

const exposureColumns = [
  'person',
  'person_key',
  'shift_start',
  'shift_start_ms',
  'last_exit',
  'last_exit_ms',
  'ongoing',
  'minutes_inside',
  'gas',
  'twa_ppm',
  'twa_limit_ppm',
  'twa_exceeded',
  'stel_ppm',
  'stel_limit_ppm',
  'stel_exceeded',
  'stel_from',
  'stel_from_ms',
  'peak_ppm',
  'peak_minute',
  'peak_minute_ms',
  'minutes_without_readings',
  'limit_profiles',
  'permits',
]

/** The columns of a file, in order: CSV's header line and each JSON row's keys. */
export function columnsOf(dataset: GasExportDataset, resolution: GasExportResolution): readonly string[] {
  if (dataset === 'alarms') return alarmColumns
  if (dataset === 'exposure') return exposureColumns
  return resolution === 'raw' ? rawColumns : rollupColumns
}
