import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { actorOf } from '../identity/principal'
import { inbox, markRead } from './notification-repository'

/** The inbox is the caller's own and nobody else's: every query is bound to the session's user. */
export function createNotificationHandlers(db: Db, commit: Commit): HandlersFor<'notifications'> {
  return {
    'notifications.list': (input, ctx) => inbox(db, ctx.principal.userId, input),
    // Every write is audited, even this one: the trail shows when someone saw a decision.
    'notifications.markRead': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const result = markRead(tx, ctx.principal.userId, now, input)
        return {
          value: { unread: result.unread },
          audit: {
            action: 'notifications.read',
            entityType: 'user',
            entityId: ctx.principal.userId,
            after: { marked: result.marked, all: input.all },
          },
        }
      }),
  }
}
