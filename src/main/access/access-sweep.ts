import type { Clock } from '../core/clock'
import type { EventBus } from '../core/event-bus'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { notifyDueReviews } from './review-service'
import type { GrantService } from './grant-service'
import type { RequestService } from './request-service'

/**
 * Access work that time or other capabilities set off: pending requests and grants that ran out,
 * reminders before a grant ends, owners told when a review is due, and grants linked to a permit that was closed or cancelled.
 * Returns the sweep; the permit hook runs by itself, after the permit's own transaction.
 */
export function createAccessSweep(deps: {
  db: Db
  commit: Commit
  clock: Clock
  bus: EventBus
  requests: RequestService
  grants: GrantService
}) {
  const { db, commit, clock, bus, requests, grants } = deps
  bus.subscribe((message) => {
    if (message.name !== 'permits.changed') return
    if (message.payload.state !== 'closed' && message.payload.state !== 'cancelled') return
    try {
      grants.endWithPermit(message.payload.permitId)
    } catch (error) {
      // The permit is closed either way; the next sweep ends its grants.
      console.error('[gatehouse] ending the grants of a closed permit failed', error)
    }
  })
  return () =>
    requests.expireDue() +
    grants.expireDue() +
    grants.remindDue() +
    grants.endWithClosedPermits() +
    notifyDueReviews(db, commit, clock.now())
}
