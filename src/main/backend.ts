import path from 'node:path'
import { version } from '../../package.json'
import type { Backend, BackendOptions } from './backend-types'
import { createAuditHandlers } from './audit/audit-handlers'
import type { Clock } from './core/clock'
import { systemClock } from './core/clock'
import { createDispatch } from './core/dispatch'
import { mayReceive } from './core/event-access'
import { EventBus } from './core/event-bus'
import type { Handlers } from './core/handler-types'
import { createCommit } from './core/unit-of-work'
import { openDatabase } from './db/database'
import { createAccountService } from './identity/account-service'
import { createAuthHandlers, createUserHandlers } from './identity/identity-handlers'
import { createScryptHasher } from './identity/password-hasher'
import type { PasswordHasher } from './identity/password-hasher'
import { defaultSessionPolicy } from './identity/session-policy'
import type { SessionPolicy } from './identity/session-policy'
import { createSessionService } from './identity/session-service'
import { createUserAdminService } from './identity/user-admin-service'
import { migrationsFolder } from './resources-dir'
import { createSystemHandlers } from './system/system-handlers'

/** What tests may replace; production uses the defaults. */
export interface BackendOverrides {
  clock?: Clock
  hasher?: PasswordHasher
  sessionPolicy?: SessionPolicy
  logError?: (reference: string, error: unknown) => void
}

const sessionRecheckMs = 15_000

export const databaseFileIn = (dataDir: string) => path.join(dataDir, 'gatehouse.db')

/** Opens the database and wires every service, handler and the gate. */
export function createBackend(
  options: BackendOptions,
  overrides: BackendOverrides = {},
): Backend & { bus: EventBus; handlers: Handlers } {
  const clock = overrides.clock ?? systemClock
  const hasher = overrides.hasher ?? createScryptHasher()
  const sessionPolicy = overrides.sessionPolicy ?? defaultSessionPolicy
  const database = openDatabase({
    file: databaseFileIn(options.dataDir),
    migrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const { db } = database
  const bus = new EventBus()
  const commit = createCommit(db, clock, bus)
  const sessions = createSessionService({ db, commit, clock, policy: sessionPolicy })
  const accounts = createAccountService({ db, commit, clock, hasher, sessionPolicy })
  const userAdmin = createUserAdminService({ db, commit, hasher })

  const handlers = {
    ...createAuthHandlers(accounts),
    ...createUserHandlers(userAdmin),
    ...createAuditHandlers(db),
    ...createSystemHandlers({ database, commit, clock, facts: { version, dataDir: options.dataDir } }),
  } satisfies Handlers

  const dispatch = createDispatch({ handlers, sessions, ...(overrides.logError ? { logError: overrides.logError } : {}) })

  return {
    dispatch,
    bus,
    handlers,
    dataDir: options.dataDir,
    databaseFile: database.file,
    openEventStream(token, deliver, onEnded) {
      if (!sessions.peek(token)) return null
      let open = true
      const close = () => {
        if (!open) return
        open = false
        unsubscribe()
        clearInterval(recheck)
      }
      // Each event re-checks the session, so a logout or deactivation stops delivery at once.
      const stillLive = () => {
        const principal = sessions.peek(token)
        if (!principal && open) {
          close()
          onEnded()
        }
        return principal
      }
      const unsubscribe = bus.subscribe((message) => {
        const principal = stillLive()
        if (principal && mayReceive(principal, message)) deliver(message)
      })
      const recheck = setInterval(stillLive, sessionRecheckMs)
      recheck.unref()
      return { close }
    },
    close: () => database.close(),
  }
}
