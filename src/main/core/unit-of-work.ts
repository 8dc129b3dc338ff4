import type { EventMessage } from '../../shared/contract/events'
import { createAuditAppender } from '../audit/audit-repository'
import type { Actor, AuditDraft } from '../audit/audit-repository'
import type { Db } from '../db/database'
import type { Clock } from './clock'
import type { EventBus } from './event-bus'

/** What a command's work hands back: its value, its one audit entry, its events. */
export interface CommandOutcome<T> {
  value: T
  audit: AuditDraft
  events?: EventMessage[]
}

export type Commit = <T>(actor: Actor, work: (tx: Db, now: number) => CommandOutcome<T>) => T

/**
 * Runs a command's writes and exactly one audit entry in one IMMEDIATE transaction, then
 * publishes its events after commit. A throw inside `work` rolls everything back.
 */
export function createCommit(db: Db, clock: Clock, bus: EventBus): Commit {
  const appendAuditEntry = createAuditAppender(db)
  return (actor, work) => {
    const { value, events } = db.transaction(
      (tx) => {
        // Read the time once the write lock is held, so recorded times follow commit order
        // even when another process was writing first.
        const now = clock.now()
        const outcome = work(tx, now)
        const entry = appendAuditEntry(actor, outcome.audit, now)
        const appended: EventMessage = {
          name: 'audit.appended',
          payload: {
            seq: entry.seq,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            at: now,
          },
        }
        return { value: outcome.value, events: [...(outcome.events ?? []), appended] }
      },
      { behavior: 'immediate' },
    )
    for (const message of events) bus.publish(message)
    return value
  }
}
