import { and, asc, between, eq, inArray } from 'drizzle-orm'
import type { TrendDto } from '../../shared/contract/trends'
import { gases, type Gas } from '../../shared/domain/gases'
import type { Db } from '../db/database'
import { alarms, permits } from '../db/schema'
import { entryPairsOf } from '../entries/entry-pairs'

/** Markers beyond this many in one window would hide the chart; the alarm list has them all. */
const mostAlarmMarkers = 500

const isGas = (value: string | null): value is Gas => gases.includes(value as Gas)

/** Alarms raised in the window on these permits (from this instrument only, for an instrument's trend). */
export function alarmsIn(
  db: Db,
  permitIds: number[],
  instrumentId: number | null,
  from: number,
  to: number,
): TrendDto['alarms'] {
  if (permitIds.length === 0) return []
  return db
    .select({
      alarmId: alarms.id,
      at: alarms.raisedAt,
      gas: alarms.gas,
      priority: alarms.priority,
      message: alarms.message,
      permitNumber: permits.number,
    })
    .from(alarms)
    .innerJoin(permits, eq(permits.id, alarms.permitId))
    .where(
      and(
        inArray(alarms.permitId, permitIds),
        between(alarms.raisedAt, from, to),
        instrumentId === null ? undefined : eq(alarms.instrumentId, instrumentId),
      ),
    )
    .orderBy(asc(alarms.raisedAt))
    .limit(mostAlarmMarkers)
    .all()
    .map((alarm) => ({ ...alarm, gas: isGas(alarm.gas) ? alarm.gas : null }))
}

/** When anyone was inside each permit's space, from its entry log, clipped to the window. */
export function occupiedIn(db: Db, permitIds: number[], from: number, to: number): TrendDto['occupied'] {
  const periods: TrendDto['occupied'] = []
  for (const permitId of permitIds) {
    const number = db.select({ number: permits.number }).from(permits).where(eq(permits.id, permitId)).get()?.number
    // Each stay is +1 at entry and -1 at exit; the space is occupied while the sum is above zero.
    const steps = entryPairsOf(db, permitId).flatMap((pair) => [
      { at: pair.entryTime, change: 1 },
      ...(pair.exitTime === null ? [] : [{ at: pair.exitTime, change: -1 }]),
    ])
    steps.sort((a, b) => a.at - b.at || a.change - b.change)
    let inside = 0
    let since = 0
    for (const { at, change } of steps) {
      if (inside === 0 && change > 0) since = at
      inside += change
      if (inside === 0 && at >= from && since <= to)
        periods.push({ from: Math.max(since, from), to: Math.min(at, to), permitNumber: number ?? '' })
    }
    if (inside > 0 && since <= to) periods.push({ from: Math.max(since, from), to: null, permitNumber: number ?? '' })
  }
  return periods
}
