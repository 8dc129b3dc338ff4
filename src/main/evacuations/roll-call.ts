import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import type { Actor } from '../audit/audit-repository'
import type { Db } from '../db/database'
import { evacuationRollCall, evacuations } from '../db/schema'
import { addTimeline } from '../permits/permit-repository'
import { rollCallOf } from './evacuation-repository'

const changed = (evacuationId: number, cleared: boolean, at: number): EventMessage => ({
  name: 'evacuations.changed',
  payload: { evacuationId, cleared, at },
})

/**
 * The roll call is complete: the evacuation is cleared and every permit it reached says, on its
 * timeline, who was accounted for. That record is what an inspector asks for after an alarm.
 */
export function completeRollCall(
  tx: Db,
  evacuationId: number,
  permitIds: readonly number[],
  actor: Actor,
  now: number,
) {
  tx.update(evacuations).set({ clearedAt: now }).where(eq(evacuations.id, evacuationId)).run()
  const calls = rollCallOf(tx, evacuationId)
  for (const permitId of new Set(permitIds)) {
    const names = calls.filter((call) => call.permitId === permitId).map((call) => call.personName)
    addTimeline(tx, {
      permitId,
      actor,
      at: now,
      kind: 'roll_call_complete',
      note:
        names.length === 0
          ? 'Roll call complete: nobody was inside.'
          : `Roll call complete: everyone accounted for (${names.join(', ')}).`,
    })
  }
}

/**
 * Ticks the person off every running roll call for this permit and completes the roll calls
 * that are now done. Returns the events to publish and the evacuations completed.
 */
export function tickRollCall(tx: Db, permitId: number, personKey: string, actor: Actor, now: number) {
  const calls = tx
    .select({ call: evacuationRollCall })
    .from(evacuationRollCall)
    .innerJoin(evacuations, eq(evacuations.id, evacuationRollCall.evacuationId))
    .where(
      and(
        eq(evacuationRollCall.permitId, permitId),
        eq(evacuationRollCall.personKey, personKey),
        isNull(evacuationRollCall.exitedAt),
        isNull(evacuations.clearedAt),
      ),
    )
    .all()
  const events: EventMessage[] = []
  const completed: number[] = []
  for (const { call } of calls) {
    tx.update(evacuationRollCall).set({ exitedAt: now }).where(eq(evacuationRollCall.id, call.id)).run()
    const everyone = rollCallOf(tx, call.evacuationId)
    const done = everyone.every((other) => other.exitedAt !== null)
    if (done) {
      completeRollCall(
        tx,
        call.evacuationId,
        everyone.map((other) => other.permitId),
        actor,
        now,
      )
      completed.push(call.evacuationId)
    }
    events.push(changed(call.evacuationId, done, now))
  }
  return { events, completed }
}

/**
 * An exit logged by mistake is corrected: the person is back on every roll call that exit
 * ticked, and an evacuation it completed is running again, because someone is still inside.
 */
export function reopenRollCall(tx: Db, permitId: number, personKey: string, exitAt: number, actor: Actor, now: number) {
  const ticked = tx
    .select()
    .from(evacuationRollCall)
    .where(
      and(
        eq(evacuationRollCall.permitId, permitId),
        eq(evacuationRollCall.personKey, personKey),
        eq(evacuationRollCall.exitedAt, exitAt),
      ),
    )
    .all()
  if (ticked.length === 0) return { events: [] as EventMessage[], reopened: [] as number[] }
  tx.update(evacuationRollCall)
    .set({ exitedAt: null })
    .where(
      inArray(
        evacuationRollCall.id,
        ticked.map((call) => call.id),
      ),
    )
    .run()
  const evacuationIds = [...new Set(ticked.map((call) => call.evacuationId))]
  const reopened = tx
    .update(evacuations)
    .set({ clearedAt: null })
    .where(and(inArray(evacuations.id, evacuationIds), isNotNull(evacuations.clearedAt)))
    .returning({ id: evacuations.id })
    .all()
    .map((row) => row.id)
  for (const evacuationId of reopened) {
    const permitIds = new Set(rollCallOf(tx, evacuationId).map((call) => call.permitId))
    for (const id of permitIds) {
      addTimeline(tx, {
        permitId: id,
        actor,
        at: now,
        kind: 'roll_call_reopened',
        note: 'Roll call running again: an exit was logged by mistake and someone is still inside.',
      })
    }
  }
  return { events: evacuationIds.map((id) => changed(id, false, now)), reopened }
}
