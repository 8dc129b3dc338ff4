import type { Statement } from 'better-sqlite3'
import type { RetentionRunDto } from '../../shared/contract/retention'
import type { Sqlite } from '../db/database'

/** A closed or cancelled permit whose raw readings are past their site's keeping. */
export interface DuePermit {
  id: number
  number: string
  /** When it was closed or cancelled. */
  endedAt: number
  /** Its site's setting when the run began. */
  keptDays: number
}

const dayMs = 86_400_000

/** Retention's queries: what is due, a batch removed, and what the last run removed. */
export function createRetentionRepository(sqlite: Sqlite) {
  const due = sqlite.prepare(
    `select p.id, p.number, t.at as endedAt, si.raw_reading_days as keptDays
       from permits p
       join sites si on si.id = p.site_id
       join permit_timeline t on t.id = (select max(id) from permit_timeline
                                          where permit_id = p.id and to_state in ('closed', 'cancelled'))
      where p.state in ('closed', 'cancelled')
        and t.at + si.raw_reading_days * ${String(dayMs)} <= ?
        and exists (select 1 from monitor_readings r where r.permit_id = p.id)
      order by t.at, p.id`,
  ) as Statement<[number], DuePermit>
  const stateOf = sqlite.prepare('select state from permits where id = ?').pluck() as Statement<[number], string>
  // The batch is the first rows of the permit's primary-key range, so each delete is a range scan.
  const deleteBatch = sqlite.prepare(
    `delete from monitor_readings where permit_id = @permitId and (instrument_id, taken_at) in
       (select instrument_id, taken_at from monitor_readings where permit_id = @permitId
         order by instrument_id, taken_at limit @limit)`,
  )
  const recordRemoved = sqlite.prepare(
    `insert into raw_readings_removed (permit_id, removed_at, readings, ended_at, kept_days) values (?, ?, ?, ?, ?)
     on conflict (permit_id) do update set removed_at = excluded.removed_at, readings = readings + excluded.readings`,
  )
  const lastRunEntry = sqlite.prepare(
    "select at, after from audit_entries where action = 'readings.raw_removed' order by seq desc limit 1",
  ) as Statement<[], { at: number; after: string | null }>

  /**
   * Removes up to `limit` raw readings of a permit in one transaction and records it; never on a
   * permit that is not closed or cancelled. Returns how many it removed.
   */
  const removeBatch = sqlite.transaction((permit: DuePermit, limit: number, now: number): number => {
    const state = stateOf.get(permit.id)
    if (state !== 'closed' && state !== 'cancelled') return 0
    const { changes } = deleteBatch.run({ permitId: permit.id, limit })
    if (changes > 0) recordRemoved.run(permit.id, now, changes, permit.endedAt, permit.keptDays)
    return changes
  })

  return {
    duePermits: (now: number): DuePermit[] => due.all(now),
    removeBatch: (permit: DuePermit, limit: number, now: number): number => removeBatch.immediate(permit, limit, now),
    lastRun(): RetentionRunDto | null {
      const entry = lastRunEntry.get()
      if (!entry?.after) return null
      const after = JSON.parse(entry.after) as Omit<RetentionRunDto, 'at'>
      return { at: entry.at, permits: after.permits, readings: after.readings }
    },
  }
}
