import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import type { Principal } from './principal'
import { endSession, findSession, touchSession } from './session-repository'
import type { SessionPolicy } from './session-policy'
import { hashSessionToken } from './session-token'
import { findUserById, rolesOf } from './user-repository'

export interface SessionService {
  /** The principal of a live session; ends (and audits) an idle or over-age one. */
  resolve(token: string | null): Principal | null
  /** The same check without writing anything: for event delivery. */
  peek(token: string): Principal | null
}

export function createSessionService(deps: {
  db: Db
  commit: Commit
  clock: Clock
  policy: SessionPolicy
}): SessionService {
  const { db, commit, clock, policy } = deps

  function inspect(token: string) {
    const tokenHash = hashSessionToken(token)
    const session = findSession(db, tokenHash)
    if (!session || session.endedAt !== null) return null
    const user = findUserById(db, session.userId)
    if (!user || !user.active) return null
    const now = clock.now()
    const expiredBy =
      now - session.lastSeenAt > policy.idleTimeoutMs
        ? 'idle'
        : now - session.createdAt > policy.maxLifetimeMs
          ? 'lifetime'
          : null
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: rolesOf(db, user.id),
      tokenHash,
    }
    return { session, principal, expiredBy, now }
  }

  return {
    resolve(token) {
      if (!token) return null
      const found = inspect(token)
      if (!found) return null
      const { session, principal, expiredBy, now } = found
      if (expiredBy) {
        commit({ id: principal.userId, name: principal.username }, (tx, at) => {
          endSession(tx, principal.tokenHash, expiredBy, at)
          return {
            value: null,
            audit: {
              action: 'auth.session_expired',
              entityType: 'user',
              entityId: principal.userId,
              after: { reason: expiredBy },
            },
          }
        })
        return null
      }
      // Activity bookkeeping, not a state change of the domain: written sparingly, not audited.
      if (now - session.lastSeenAt >= policy.touchIntervalMs) touchSession(db, principal.tokenHash, now)
      return principal
    },
    peek(token) {
      const found = inspect(token)
      return found && !found.expiredBy ? found.principal : null
    },
  }
}
