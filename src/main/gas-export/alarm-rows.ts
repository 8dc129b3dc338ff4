import type { Statement } from 'better-sqlite3'
import { gases, gasInfo, type Gas } from '../../shared/domain/gases'
import type { Sqlite } from '../db/database'
import { isoOf, type ExportRow } from './export-columns'
import type { ExportWindow } from './export-windows'
import { pageRows } from './reading-rows'

interface AlarmRow {
  id: number
  raisedAt: number
  serial: string | null
  kind: string
  priority: string
  gas: string | null
  level: string
  value: number | null
  limit: number | null
  message: string
  firstOut: number
  latched: number
  acknowledgedAt: number | null
  clearedAt: number | null
  resolvedAt: number | null
  resolution: string | null
  resolutionNote: string | null
  helpSent: number | null
}

const isGas = (name: string | null): name is Gas => (gases as readonly (string | null)[]).includes(name)
const flag = (value: number | null) => (value === null ? null : value === 1)

/** The alarms of export windows: those raised in the window, in the order they were raised. */
export function createAlarmRows(sqlite: Sqlite) {
  const page = sqlite.prepare(
    `select a.id, a.raised_at as raisedAt, i.serial, a.kind, a.priority, a.gas, a.level, a.value, a."limit",
            a.message, a.first_out as firstOut, a.latched, a.acknowledged_at as acknowledgedAt,
            a.cleared_at as clearedAt, a.resolved_at as resolvedAt, a.resolution,
            a.resolution_note as resolutionNote, a.help_sent as helpSent
       from alarms a left join instruments i on i.id = a.instrument_id
      where a.permit_id = ? and a.raised_at >= ? and a.raised_at < ? and (a.raised_at, a.id) > (?, ?)
      order by a.raised_at, a.id limit ?`,
  ) as Statement<unknown[], AlarmRow>

  return function* alarmRows(window: ExportWindow): Generator<ExportRow[]> {
    const { permit } = window
    let after = { raisedAt: window.from - 1, id: 0 }
    for (;;) {
      const rows = page.all(permit.id, window.from, window.to, after.raisedAt, after.id, pageRows)
      if (rows.length > 0)
        yield rows.map((alarm) => ({
          raised_at: isoOf(alarm.raisedAt),
          raised_at_ms: alarm.raisedAt,
          permit: permit.number,
          space: permit.spaceTag,
          instrument: alarm.serial,
          kind: alarm.kind,
          priority: alarm.priority,
          gas: alarm.gas,
          level: alarm.level,
          value: alarm.value,
          limit: alarm.limit,
          unit: isGas(alarm.gas) ? gasInfo[alarm.gas].unit : null,
          message: alarm.message,
          first_out: alarm.firstOut === 1,
          latched: alarm.latched === 1,
          acknowledged_at: isoOf(alarm.acknowledgedAt),
          acknowledged_at_ms: alarm.acknowledgedAt,
          cleared_at: isoOf(alarm.clearedAt),
          cleared_at_ms: alarm.clearedAt,
          resolved_at: isoOf(alarm.resolvedAt),
          resolved_at_ms: alarm.resolvedAt,
          resolution: alarm.resolution,
          resolution_note: alarm.resolutionNote,
          help_sent: flag(alarm.helpSent),
        }))
      const last = rows.at(-1)
      if (rows.length < pageRows || !last) return
      after = { raisedAt: last.raisedAt, id: last.id }
    }
  }
}
