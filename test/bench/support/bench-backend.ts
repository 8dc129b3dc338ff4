/**
 * makeTestBackend (test/support/test-backend.ts) with the one thing a bench needs besides: the
 * backend override for device limits. Same shape, so test/support/scenario.ts builds on it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createBackend } from '../../../src/main/backend'
import type { Caller } from '../../../src/main/core/caller'
import type { Clock } from '../../../src/main/core/clock'
import type { DeviceLimits } from '../../../src/main/devices/device-service'
import type { Result } from '../../../src/shared/contract/errors'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../../../src/shared/contract/procedures'
import type { Role } from '../../../src/shared/contract/roles'
import type { TestBackend } from '../../support/test-backend'
import { adminAccount, fastHasher, longSessions, manualClock, testPassword } from '../../support/test-backend'

export function makeBenchBackend(options: { clock?: Clock; deviceLimits?: DeviceLimits } = {}): TestBackend {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'))
  const manual = manualClock()
  const clock = options.clock ? { ...manual, now: () => options.clock?.now() ?? manual.now() } : manual
  const errors: unknown[] = []
  const backend = createBackend(
    { dataDir },
    {
      clock,
      hasher: fastHasher,
      // A bench moves a manual clock by hours of readings; sessions outlast it.
      sessionPolicy: longSessions,
      logError: (_ref, error) => errors.push(error),
      ...(options.deviceLimits ? { deviceLimits: options.deviceLimits } : {}),
    },
  )
  const sqlite = new Database(backend.databaseFile, { readonly: true })

  async function call<P extends ProcedurePath>(
    procedure: P,
    input: ProcedureInput<P> | Record<string, unknown>,
    caller: Caller | string | null = null,
  ): Promise<Result<ProcedureOutput<P>>> {
    const resolved = typeof caller === 'string' || caller === null ? { token: caller } : caller
    const { result } = await backend.dispatch(procedure, input, resolved)
    return result as Result<ProcedureOutput<P>>
  }

  async function ok<P extends ProcedurePath>(procedure: P, input: ProcedureInput<P>, token: string | null = null) {
    const result = await call(procedure, input, token)
    if (!result.ok) throw new Error(`${procedure} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  const setupAdmin = () => ok('auth.setupFirstAdmin', adminAccount)

  async function userWithRoles(adminToken: string, username: string, roles: Role[]) {
    await ok('users.create', { username, displayName: username, password: testPassword, roles }, adminToken)
    return ok('auth.login', { username, password: testPassword })
  }

  const auditCount = () => (sqlite.prepare('select count(*) as n from audit_entries').get() as { n: number }).n

  function snapshot(): string {
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
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
