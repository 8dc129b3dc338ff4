import { eq, inArray } from 'drizzle-orm'
import type { Clock } from '../core/clock'
import { forbidden, notFound, preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { alarms } from '../db/schema'
import { actorOf } from '../identity/principal'
import { requirePermit } from '../permits/permit-repository'
import {
  alarmState,
  countOpen,
  countRaisedSince,
  countUnacknowledged,
  listAlarms,
  openAlarmsWorstFirst,
  toAlarmDtos,
  unacknowledged,
  worstUnacknowledged,
} from './alarm-repository'

/** domain.md: more than ten alarms in ten minutes is a flood, and the console says so. */
const floodWindowMs = 10 * 60_000
const floodThreshold = 10

export function createAlarmHandlers(db: Db, commit: Commit, clock: Clock): HandlersFor<'alarms'> {
  return {
    'alarms.list': (input) => listAlarms(db, input),

    'alarms.summary': () => {
      const now = clock.now()
      const raisedLast10Min = countRaisedSince(db, now - floodWindowMs)
      return {
        open: toAlarmDtos(db, openAlarmsWorstFirst(db, 20)),
        openCount: countOpen(db),
        unacknowledgedCount: countUnacknowledged(db),
        worstUnacknowledged: worstUnacknowledged(db),
        raisedLast10Min,
        flood: raisedLast10Min > floodThreshold,
        now,
      }
    },

    'alarms.acknowledge': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const rows = unacknowledged(tx, input.alarmIds ?? [], input.instrumentId)
        if (rows.length > 0)
          tx.update(alarms)
            .set({ acknowledgedAt: now, acknowledgedById: ctx.principal.userId })
            .where(
              inArray(
                alarms.id,
                rows.map((row) => row.id),
              ),
            )
            .run()
        return {
          value: { acknowledged: rows.length },
          audit: {
            action: 'alarms.acknowledged',
            entityType: 'alarm',
            entityId: rows.length === 1 ? (rows[0]?.id ?? null) : null,
            after: { alarmIds: rows.map((row) => row.id), instrumentId: input.instrumentId ?? null },
          },
          events: rows.map((row) => ({
            name: 'alarms.changed' as const,
            payload: { alarmId: row.id, permitId: row.permitId, at: now },
          })),
        }
      }),

    'alarms.resolve': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const row = tx.select().from(alarms).where(eq(alarms.id, input.alarmId)).get()
        if (!row) throw notFound(`There is no alarm with id ${input.alarmId}.`)
        const state = alarmState(row)
        if (state === 'resolved') throw preconditionFailed('This alarm is already resolved.')
        if (row.clearedAt === null)
          throw preconditionFailed('This alarm is still active: it can be resolved once the value is back in limits.')
        if (row.acknowledgedAt === null) throw preconditionFailed('Acknowledge this alarm before resolving it.')
        if (row.latched && !ctx.principal.roles.includes('supervisor'))
          throw forbidden('This alarm suspended its permit: only a site supervisor may resolve it.')
        tx.update(alarms)
          .set({
            resolvedAt: now,
            resolvedById: ctx.principal.userId,
            resolution: input.resolution,
            resolutionNote: input.note,
            helpSent: input.helpSent,
          })
          .where(eq(alarms.id, row.id))
          .run()
        const [dto] = toAlarmDtos(tx, [
          {
            ...row,
            resolvedAt: now,
            resolvedById: ctx.principal.userId,
            resolution: input.resolution,
            resolutionNote: input.note,
            helpSent: input.helpSent,
          },
        ])
        if (!dto) throw new Error('a resolved alarm as a DTO')
        return {
          value: dto,
          audit: {
            action: 'alarm.resolved',
            entityType: 'alarm',
            entityId: row.id,
            before: { state },
            after: { resolution: input.resolution, note: input.note, helpSent: input.helpSent, latched: row.latched },
          },
          events: [
            { name: 'alarms.changed', payload: { alarmId: row.id, permitId: row.permitId, at: now } },
            {
              name: 'permits.changed',
              payload: { permitId: row.permitId, state: requirePermit(tx, row.permitId).state, at: now },
            },
          ],
        }
      }),
  }
}
