import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createBackend } from '../../src/main/backend'
import type { Caller } from '../../src/main/core/caller'
import type { Clock } from '../../src/main/core/clock'
import type { DatalogImportOptions } from '../../src/main/datalog-import/datalog-import-service'
import type { DeviceLimits } from '../../src/main/devices/device-service'
import { createScryptHasher } from '../../src/main/identity/password-hasher'
import { defaultSessionPolicy } from '../../src/main/identity/session-policy'
import type { SessionPolicy } from '../../src/main/identity/session-policy'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../../src/shared/contract/procedures'
import type { Role } from '../../src/shared/contract/roles'
import type { Result } from '../../src/shared/contract/errors'

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 21, 8, 0, 0)) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}

/**
 * Real scrypt with a small cost: the production parameters take a quarter second a hash,
 * which would make this suite crawl. password-hasher.test.ts proves the OWASP parameters.
 */
export const fastHasher = createScryptHasher({ log2N: 10, r: 8, p: 1 })

export const adminAccount = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery staple' }
export const testPassword = 'a long enough passphrase'

/** For tests that move the clock by hours: sessions outlast them (idle expiry has its own test). */
export const longSessions: SessionPolicy = {
  ...defaultSessionPolicy,
  idleTimeoutMs: 7 * 86_400_000,
  maxLifetimeMs: 7 * 86_400_000,
}

/** A backend on a fresh SQLite file in a temp folder (or on the data folder given), with the real migrations. */
export function makeTestBackend(
  options: {
    sessionPolicy?: SessionPolicy
    clock?: Clock
    deviceLimits?: DeviceLimits
    dataDir?: string
    datalog?: DatalogImportOptions
  } = {},
) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-test-'))
  const manual = manualClock()
  const clock = options.clock ? { ...manual, now: () => options.clock?.now() ?? manual.now() } : manual
  const errors: unknown[] = []
  const backend = createBackend(
    { dataDir },
    {
      clock,
      hasher: fastHasher,
      sessionPolicy: options.sessionPolicy ?? defaultSessionPolicy,
      ...(options.deviceLimits ? { deviceLimits: options.deviceLimits } : {}),
      ...(options.datalog ? { datalog: options.datalog } : {}),
      logError: (_ref, error) => errors.push(error),
    },
  )
  const sqlite = new Database(backend.databaseFile, { readonly: true })

  async function call<P extends ProcedurePath>(
    path: P,
    input: ProcedureInput<P> | Record<string, unknown>,
    caller: Caller | string | null = null,
  ): Promise<Result<ProcedureOutput<P>>> {
    const resolved = typeof caller === 'string' || caller === null ? { token: caller } : caller
    const { result } = await backend.dispatch(path, input, resolved)
    return result as Result<ProcedureOutput<P>>
  }

  /** Calls and expects success; a failure fails the test with the server's message. */
  async function ok<P extends ProcedurePath>(path: P, input: ProcedureInput<P>, token: string | null = null) {
    const result = await call(path, input, token)
    if (!result.ok) throw new Error(`${path} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  async function setupAdmin() {
    return ok('auth.setupFirstAdmin', adminAccount)
  }

  /** An account holding exactly these roles, signed in. */
  async function userWithRoles(adminToken: string, username: string, roles: Role[]) {
    await ok('users.create', { username, displayName: username, password: testPassword, roles }, adminToken)
    return ok('auth.login', { username, password: testPassword })
  }

  const auditCount = () => (sqlite.prepare('select count(*) as n from audit_entries').get() as { n: number }).n

  /**
   * Every row of every table: equal snapshots mean nothing was written. Virtual tables are read
   * through their shadow tables (the search index cannot be scanned itself).
   */
  function snapshot(): string {
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL TABLE%' order by name",
      )
      .all() as {
      name: string
    }[]
    return JSON.stringify(tables.map(({ name }) => [name, sqlite.prepare(`select * from "${name}"`).all()]))
  }

  function dispose() {
    sqlite.close()
    backend.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  return { backend, dataDir, clock, errors, call, ok, setupAdmin, userWithRoles, auditCount, snapshot, dispose }
}

export type TestBackend = ReturnType<typeof makeTestBackend>
