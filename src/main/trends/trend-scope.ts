import type { Sqlite } from '../db/database'
import { dayMs } from '../readings/reading-store'
import type { ResolvedSubject } from './trend-subject'

/**
 * A space or an instrument gathers every permit it ever had: over years, hundreds. Only those
 * that matter to the window are read: a series whose readings (by its day rollups, a row a day)
 * overlap it, and, for who was inside and the alarms, a permit valid during it (a day's margin
 * for a late exit) or with such a series.
 */
export function createTrendScope(sqlite: Sqlite) {
  const spans = sqlite.prepare(
    `select permit_id as permitId, instrument_id as instrumentId, min(starts_at) as first, max(starts_at) as last
       from reading_rollups_day where permit_id in (select value from json_each(?)) group by permit_id, instrument_id`,
  )
  const validIn = sqlite
    .prepare(
      'select id from permits where id in (select value from json_each(?)) and valid_from <= ? and valid_to >= ?',
    )
    .pluck()

  return function scoped(subject: ResolvedSubject, from: number, to: number): ResolvedSubject {
    const ids = JSON.stringify(subject.permitIds)
    const overlapping = new Set(
      (spans.all(ids) as { permitId: number; instrumentId: number; first: number; last: number }[])
        .filter((span) => span.first <= to && span.last + dayMs > from)
        .map((span) => `${String(span.permitId)}/${String(span.instrumentId)}`),
    )
    const sources = subject.sources.filter((source) =>
      overlapping.has(`${String(source.permitId)}/${String(source.instrumentId)}`),
    )
    const permitIds = new Set([
      ...sources.map((source) => source.permitId),
      ...(validIn.all(ids, to, from - dayMs) as number[]),
    ])
    return { ...subject, sources, permitIds: subject.permitIds.filter((id) => permitIds.has(id)) }
  }
}
