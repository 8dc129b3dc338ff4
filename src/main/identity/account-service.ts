import type { ParsedInput } from '../../shared/contract/procedures'
import type { SessionDto } from '../../shared/contract/identity'
import { selfServiceRole } from '../../shared/contract/roles'
import type { Role } from '../../shared/contract/roles'
import type { Clock } from '../core/clock'
import { DomainError, conflict, preconditionFailed, rateLimited, unauthenticated } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { recentFailures, recordLoginAttempt } from './login-attempt-repository'
import type { PasswordHasher } from './password-hasher'
import { WrongSignatureError } from './signature'
import type { SignatureVerifier } from './signature'
import { actorOf } from './principal'
import type { Principal } from './principal'
import { endSession, endSessionsOfUser, insertSession } from './session-repository'
import { loginThrottle, throttleDelayMs } from './session-policy'
import type { SessionPolicy } from './session-policy'
import { hashSessionToken, newSessionToken } from './session-token'
import {
  countUsers,
  findUserById,
  findUserByUsername,
  insertUser,
  rolesOf,
  toUserDto,
  updateUser,
} from './user-repository'
import type { UserRow } from './user-repository'

export interface AccountDeps {
  db: Db
  commit: Commit
  clock: Clock
  hasher: PasswordHasher
  sessionPolicy: SessionPolicy
}

type NewAccount = ParsedInput<'auth.signUp'>

const wrongCredentials = 'Wrong username or password.'

export function createAccountService(deps: AccountDeps) {
  const { db, commit, clock, hasher, sessionPolicy } = deps
  // Verifying against a real hash for unknown usernames keeps their timing like known ones.
  let decoyHash: Promise<string> | null = null
  const decoy = () => (decoyHash ??= hasher.hash('decoy password that never matches'))

  /** Inserts the session inside the caller's transaction and shapes the answer. */
  function openSession(tx: Db, user: UserRow, roles: Role[], now: number): SessionDto {
    const token = newSessionToken()
    insertSession(tx, hashSessionToken(token), user.id, now)
    return { token, idleTimeoutMs: sessionPolicy.idleTimeoutMs, user: toUserDto(user, roles) }
  }

  function createAccount(input: NewAccount, passwordHash: string, roles: Role[], action: string, mustBeFirst: boolean) {
    return commit({ id: null, name: input.username }, (tx, now) => {
      const existing = countUsers(tx)
      if (mustBeFirst && existing > 0)
        throw preconditionFailed('Gatehouse already has an administrator. Sign in instead.')
      if (!mustBeFirst && existing === 0)
        throw preconditionFailed('Create the first administrator before anyone signs up.')
      if (findUserByUsername(tx, input.username)) throw conflict(`The username "${input.username}" is already taken.`)
      const created = insertUser(
        tx,
        { username: input.username, displayName: input.displayName, passwordHash },
        roles,
        now,
      )
      // Creating the account signs it in, so that counts as its first sign-in.
      updateUser(tx, created.id, { lastLoginAt: now })
      const user = { ...created, lastLoginAt: now }
      const session = openSession(tx, user, roles, now)
      return {
        value: session,
        audit: {
          action,
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username, displayName: user.displayName, roles },
        },
        events: [{ name: 'users.changed', payload: { userId: user.id, change: 'created', at: now } }],
      }
    })
  }

  function recordFailure(username: string, outcome: 'failure' | 'throttled', reason: string, userId: number | null) {
    commit({ id: null, name: username }, (tx, now) => {
      recordLoginAttempt(tx, username, outcome, now)
      return {
        value: null,
        audit: {
          action: outcome === 'throttled' ? 'auth.login_throttled' : 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          after: { username, reason },
        },
      }
    })
  }

  /** Failed sign-ins and failed signatures count together, so neither is a way to guess. */
  function assertNotThrottled(username: string) {
    const failures = recentFailures(db, username, clock.now() - loginThrottle.windowMs)
    const waitMs = failures.lastAt === null ? 0 : failures.lastAt + throttleDelayMs(failures.count) - clock.now()
    if (waitMs > 0) {
      recordFailure(username, 'throttled', `${failures.count} failed attempts`, null)
      throw rateLimited(`Too many failed attempts for this account. Try again in ${Math.ceil(waitMs / 1000)} seconds.`)
    }
  }

  const signatures: SignatureVerifier = {
    async verify(principal, password, meaning) {
      assertNotThrottled(principal.username)
      const user = findUserById(db, principal.userId)
      if (!user || !(await hasher.verify(password, user.passwordHash))) {
        recordFailure(principal.username, 'failure', `wrong password to sign: ${meaning}`, principal.userId)
        throw new WrongSignatureError()
      }
    },
  }

  return {
    signatures,

    status() {
      return { needsFirstAdmin: countUsers(db) === 0, signUpOpen: true }
    },

    async setupFirstAdmin(input: NewAccount): Promise<SessionDto> {
      if (countUsers(db) > 0) throw preconditionFailed('Gatehouse already has an administrator. Sign in instead.')
      const passwordHash = await hasher.hash(input.password)
      return createAccount(input, passwordHash, ['administrator'], 'auth.first_admin_created', true)
    },

    async signUp(input: NewAccount): Promise<SessionDto> {
      const passwordHash = await hasher.hash(input.password)
      return createAccount(input, passwordHash, [selfServiceRole], 'auth.signed_up', false)
    },

    async login(input: ParsedInput<'auth.login'>): Promise<SessionDto> {
      const { username, password } = input
      assertNotThrottled(username)
      const user = findUserByUsername(db, username)
      const matches = await hasher.verify(password, user?.passwordHash ?? (await decoy()))
      if (!user || !matches) {
        recordFailure(username, 'failure', user ? 'wrong password' : 'unknown username', user?.id ?? null)
        throw unauthenticated(wrongCredentials)
      }
      if (!user.active) {
        recordFailure(username, 'failure', 'account deactivated', user.id)
        throw unauthenticated('This account has been deactivated. Ask an administrator to reactivate it.')
      }
      return commit({ id: user.id, name: user.username }, (tx, now) => {
        recordLoginAttempt(tx, username, 'success', now)
        updateUser(tx, user.id, { lastLoginAt: now })
        const session = openSession(tx, { ...user, lastLoginAt: now }, rolesOf(tx, user.id), now)
        return { value: session, audit: { action: 'auth.login', entityType: 'user', entityId: user.id } }
      })
    },

    logout(principal: Principal): null {
      return commit(actorOf(principal), (tx, now) => {
        endSession(tx, principal.tokenHash, 'logout', now)
        return { value: null, audit: { action: 'auth.logout', entityType: 'user', entityId: principal.userId } }
      })
    },

    me(principal: Principal) {
      const user = findUserById(db, principal.userId)
      if (!user) throw unauthenticated('Your account no longer exists.')
      return toUserDto(user, principal.roles)
    },

    async changePassword(principal: Principal, input: ParsedInput<'auth.changePassword'>): Promise<null> {
      const user = findUserById(db, principal.userId)
      if (!user || !(await hasher.verify(input.currentPassword, user.passwordHash))) {
        throw new DomainError('VALIDATION', 'The current password is wrong.', [
          { field: 'currentPassword', rule: 'matches', message: 'is wrong' },
        ])
      }
      const passwordHash = await hasher.hash(input.newPassword)
      return commit(actorOf(principal), (tx, now) => {
        // A changed password is the person's own again, so a reset's restriction ends with it.
        updateUser(tx, user.id, { passwordHash, mustChangePassword: false, updatedAt: now })
        const ended = endSessionsOfUser(tx, user.id, 'password changed', now, principal.tokenHash)
        return {
          value: null,
          audit: {
            action: 'user.password_changed',
            entityType: 'user',
            entityId: user.id,
            after: { otherSessionsEnded: ended, ...(user.mustChangePassword ? { afterReset: true } : {}) },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'password', at: now } }],
        }
      })
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>
