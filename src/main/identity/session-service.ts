import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import type { Principal } from './principal'
import { asc, eq, sql } from 'drizzle-orm'
import { sessions, userRoles, users } from '../db/schema'
import { endSession, touchSession } from './session-repository'
import type { SessionPolicy } from './session-policy'
import { hashSessionToken } from './session-token'

export interface SessionService {
  /** The principal of a live session; ends (and audits) an idle or over-age one. */
  resolve(token: string | null): Principal | null
  /** The same check without writing anything: for event delivery. */
  peek(token: string): Principal | null
  /** Why a token opens no session, in words for the person it belonged to. */
  whyNot(token: string | null): string
}

const notSignedIn = 'Your session has ended or you are not signed in. Please sign in.'

/** What each way a session ends means to its person (session_end reasons as the services write them). */
const endedBecause: Record<string, string> = {
  idle: 'Your session ended after a period of inactivity. Sign in again.',
  lifetime: 'Your session reached its maximum length. Sign in again.',
  logout: 'You signed out of this session. Sign in again.',
  deactivated: 'Your account was deactivated by an administrator. Ask an administrator if you need it again.',
  'password changed': 'Your password was changed, which ended your other sessions. Sign in with the new password.',
  restored:
    'An administrator restored the database from a backup, which ended every session. Sign in again: what was recorded after that backup is not in it.',
  'password reset':
    'An administrator reset your password. Sign in with the temporary password they give you, then choose a new one.',
}

export function createSessionService(deps: {
  db: Db
  commit: Commit
  clock: Clock
  policy: SessionPolicy
}): SessionService {
  const { db, commit, clock, policy } = deps
  // Every call resolves its caller, so these two queries are built and compiled once, not per call.
  const sessionAndUser = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare()
  const rolesOfUser = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .orderBy(asc(userRoles.role))
    .prepare()

  function inspect(token: string) {
    const tokenHash = hashSessionToken(token)
    const found = sessionAndUser.get({ tokenHash })
    if (!found || found.session.endedAt !== null || !found.user.active) return null
    const { session, user } = found
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
      roles: rolesOfUser.all({ userId: user.id }).map((row) => row.role),
      tokenHash,
      mustChangePassword: user.mustChangePassword,
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
    whyNot(token) {
      if (!token) return notSignedIn
      const found = sessionAndUser.get({ tokenHash: hashSessionToken(token) })
      if (!found) return notSignedIn
      if (!found.user.active) return endedBecause.deactivated ?? notSignedIn
      return (found.session.endReason && endedBecause[found.session.endReason]) || notSignedIn
    },
  }
}
