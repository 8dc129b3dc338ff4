import { and, eq, inArray, isNull, max } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import { mayHoldPeopleStates } from '../../shared/domain/permit-lifecycle'
import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { alarms, liveValues, permits, sites } from '../db/schema'
import { insideByPermit } from '../entries/presence'
import { systemActor } from '../identity/principal'

/**
 * A permit with people inside whose monitors have said nothing for longer than the site allows
 * raises a stale-data alarm (low priority: the feed, not the air, is in doubt). It clears when a
 * reading arrives (ingest-service.ts). Run on a timer; tests call it with their own clock.
 */
export function createStaleWatch(db: Db, commit: Commit, clock: Clock) {
  return (): number => {
    const now = clock.now()
    const fed = db
      .select({ permitId: liveValues.permitId, last: max(liveValues.takenAt), gapSeconds: sites.maxReadingGapSeconds })
      .from(liveValues)
      .innerJoin(permits, eq(permits.id, liveValues.permitId))
      .innerJoin(sites, eq(sites.id, permits.siteId))
      .where(inArray(permits.state, [...mayHoldPeopleStates]))
      .groupBy(liveValues.permitId)
      .all()
      .filter((row) => row.last !== null && now - row.last > row.gapSeconds * 1000)
    if (fed.length === 0) return 0
    const inside = insideByPermit(
      db,
      fed.map((row) => row.permitId),
    )
    const hasOpenStale = (tx: Db, permitId: number) =>
      tx
        .select({ id: alarms.id })
        .from(alarms)
        .where(
          and(
            eq(alarms.permitId, permitId),
            eq(alarms.kind, 'stale'),
            isNull(alarms.clearedAt),
            isNull(alarms.resolvedAt),
          ),
        )
        .get() !== undefined
    const due = fed.filter((row) => (inside.get(row.permitId)?.length ?? 0) > 0 && !hasOpenStale(db, row.permitId))
    if (due.length === 0) return 0
    return commit(systemActor, (tx, at) => {
      const raised: number[] = []
      const events: EventMessage[] = []
      for (const row of due) {
        const open = tx
          .select({ id: alarms.id })
          .from(alarms)
          .where(
            and(
              eq(alarms.permitId, row.permitId),
              eq(alarms.kind, 'stale'),
              isNull(alarms.clearedAt),
              isNull(alarms.resolvedAt),
            ),
          )
          .get()
        if (open) continue
        const seconds = Math.round((at - (row.last ?? at)) / 1000)
        const alarm = tx
          .insert(alarms)
          .values({
            kind: 'stale',
            priority: 'low',
            permitId: row.permitId,
            sourceKey: 'stale',
            level: 'stale',
            message: `No reading for ${String(seconds)} s while people are inside (the site allows ${String(row.gapSeconds)} s).`,
            raisedAt: at,
            firstOut: false,
          })
          .returning({ id: alarms.id })
          .get()
        raised.push(alarm.id)
        events.push({
          name: 'alarms.raised',
          payload: { alarmId: alarm.id, permitId: row.permitId, priority: 'low', at },
        })
      }
      return {
        value: raised.length,
        audit: { action: 'alarms.stale_raised', entityType: 'alarm', entityId: null, after: { alarmIds: raised } },
        events,
      }
    })
  }
}
