import type { GasExportDataset, GasExportResolution } from '../../shared/contract/gas-export'
import type { Sqlite } from '../db/database'
import { hourMs } from '../readings/reading-store'
import type { ExportWindow } from './export-windows'

interface HourTotals {
  readings: number
  minutes: number
  hours: number
}

/**
 * About how many rows an export will write, for its progress bar, from the hourly rollups (a
 * year is 8,760 of them a gas): counting the readings themselves would read them all twice.
 * Hours cut by the window are counted whole, so the estimate runs a little high; the file's own
 * count is exact.
 */
export function createExportEstimate(sqlite: Sqlite) {
  const hourTotals = sqlite.prepare(
    `select max(readings) as readings, max(minutes) as minutes, max(hours) as hours from (
       select sum(n) as readings, sum(min(60, n)) as minutes, count(*) as hours from reading_rollups_hour
        where permit_id = ? and instrument_id = ? and starts_at >= ? and starts_at < ? group by gas)`,
  )
  const alarmCount = sqlite
    .prepare('select count(*) from alarms where permit_id = ? and raised_at >= ? and raised_at < ?')
    .pluck()

  return function estimate(
    windows: readonly ExportWindow[],
    dataset: Exclude<GasExportDataset, 'exposure'>,
    resolution: GasExportResolution,
  ): number {
    let total = 0
    for (const window of windows) {
      if (dataset === 'alarms') {
        total += alarmCount.get(window.permit.id, window.from, window.to) as number
        continue
      }
      const fromHour = Math.floor(window.from / hourMs) * hourMs
      for (const instrument of window.permit.instruments) {
        const totals = hourTotals.get(window.permit.id, instrument.id, fromHour, window.to) as HourTotals
        total += (resolution === 'raw' ? totals.readings : resolution === 'minute' ? totals.minutes : totals.hours) ?? 0
      }
    }
    return total
  }
}
