import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../src/main/backend'
import { hostBackend } from '../../src/main/backend-host'
import type { EventMessage } from '../../src/shared/contract/events'
import type { Result } from '../../src/shared/contract/errors'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../../src/shared/contract/procedures'
import { adminAccount, fastHasher, longSessions, manualClock, testPassword } from '../support/test-backend'

/** A console as index.ts and serve.ts run it: a host around the real backend, on a real data folder. */
function hostedConsole() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-restore-console-'))
  const clock = manualClock()
  const host = hostBackend(
    (options) => createBackend({ dataDir, ...options }, { clock, hasher: fastHasher, sessionPolicy: longSessions }),
    { now: () => clock.now() },
  )
  async function call<P extends ProcedurePath>(p: P, input: ProcedureInput<P>, token: string | null) {
    const outcome = await host.dispatch(p, input, { token })
    return { ...outcome, result: outcome.result as Result<ProcedureOutput<P>> }
  }
  async function ok<P extends ProcedurePath>(p: P, input: ProcedureInput<P>, token: string | null) {
    const { result } = await call(p, input, token)
    if (!result.ok) throw new Error(`${p} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  return { dataDir, clock, host, call, ok }
}

const siteCodes = (file: string): string[] => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('select code from sites order by code').pluck().all() as string[]
  } finally {
    db.close()
  }
}

const site = (code: string) => ({
  code,
  name: `${code} plant`,
  limitProfile: 'factory',
  maxTestAgeMinutes: 30,
  maxReadingGapSeconds: 60,
  entryRequiresGrant: false,
  pendingRequestDays: 7,
})

describe('restoring a backup from the console', () => {
  let c: ReturnType<typeof hostedConsole>
  let admin = ''
  let auditor = ''
  let laterSession = ''
  let earlier = { id: 0, file: '' }

  beforeAll(async () => {
    c = hostedConsole()
    admin = (await c.ok('auth.setupFirstAdmin', adminAccount, null)).token
    await c.ok(
      'users.create',
      { username: 'bob', displayName: 'Bob', password: testPassword, roles: ['auditor'] },
      admin,
    )
    auditor = (await c.ok('auth.login', { username: 'bob', password: testPassword }, null)).token
    await c.ok('sites.save', site('NORTH'), admin)
    earlier = await c.ok('system.backup', {}, admin)
    c.clock.advance(60_000)
    // Written after that backup: the restore takes the console back to before it.
    await c.ok('sites.save', site('SOUTH'), admin)
    laterSession = (await c.ok('auth.login', { username: 'bob', password: testPassword }, null)).token
  })
  afterAll(() => {
    c?.host.close()
    if (c) fs.rmSync(c.dataDir, { recursive: true, force: true })
  })

  it('is for administrators only, signed with their own password', async () => {
    const byAuditor = await c.call('database.restore', { backupId: earlier.id, password: testPassword }, auditor)
    expect(byAuditor.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const unsigned = await c.call('database.restore', { backupId: earlier.id, password: 'not it' }, admin)
    expect(unsigned.result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'password', message: 'is not your password' }] },
    })
    expect(siteCodes(c.host.databaseFile)).toEqual(['NORTH', 'SOUTH'])
  })

  it('refuses a damaged backup while the console runs on, and takes no backup for it', async () => {
    const damaged = await c.ok('system.backup', {}, admin)
    const file = path.join(c.dataDir, 'backups', damaged.file)
    const bytes = fs.readFileSync(file)
    bytes.fill(0x5a, 100, bytes.length)
    fs.writeFileSync(file, bytes)
    const before = (await c.ok('system.backups', { limit: 100, offset: 0 }, admin)).total

    const { result } = await c.call(
      'database.restore',
      { backupId: damaged.id, password: adminAccount.password },
      admin,
    )

    expect(result).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } })
    expect(result.ok ? '' : result.error.message).toMatch(/^Not restored: .* (is damaged|is not a Gatehouse)/)
    expect((await c.ok('system.backups', { limit: 100, offset: 0 }, admin)).total).toBe(before)
    expect(siteCodes(c.host.databaseFile)).toEqual(['NORTH', 'SOUTH'])
    expect(await c.ok('auth.me', {}, admin)).toMatchObject({ username: adminAccount.username })
  })

  it('backs up the database first, ends every session, restarts on the restored data and records it there', async () => {
    const heard: EventMessage[] = []
    let streamEnded = false
    const stream = c.host.openEventStream(
      auditor,
      (message) => heard.push(message),
      () => (streamEnded = true),
    )
    expect(stream).not.toBeNull()
    const replaced = c.host.databaseFile

    const outcome = await c.call('database.restore', { backupId: earlier.id, password: adminAccount.password }, admin)

    expect(outcome.result.ok).toBe(true)
    const { preRestoreBackup, restoredFrom } = outcome.result.ok
      ? outcome.result.value
      : { preRestoreBackup: '', restoredFrom: '' }
    expect(restoredFrom).toBe(earlier.file)
    expect(streamEnded).toBe(true)

    // The console now runs on the restored data: what was written after that backup is gone...
    expect(siteCodes(c.host.databaseFile)).toEqual(['NORTH'])
    // ...and kept in the backup taken just before, which holds the whole history until the restore.
    expect(siteCodes(path.join(c.dataDir, 'backups', preRestoreBackup))).toEqual(['NORTH', 'SOUTH'])
    expect(fs.readdirSync(c.dataDir).filter((name) => name.includes('before-restore'))).toHaveLength(1)
    expect(replaced).toBe(c.host.databaseFile)

    // Every session ended, each told why, the restorer's and one the backup never knew alike.
    for (const token of [admin, auditor, laterSession]) {
      const { result } = await c.call('auth.me', {}, token)
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(result.ok ? '' : result.error.message).toMatch(/restored the database from a backup/)
    }

    // The restore is in the restored trail, by the administrator who signed it, and the chain holds.
    const again = (await c.ok('auth.login', { username: adminAccount.username, password: adminAccount.password }, null))
      .token
    const { items } = await c.ok('audit.list', { limit: 5, filter: { action: 'system.restored' } }, again)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ actorName: adminAccount.username })
    expect(JSON.parse(items[0]?.after ?? '{}')).toMatchObject({ from: earlier.file, preRestoreBackup })
    expect(await c.ok('audit.verify', {}, again)).toMatchObject({ intact: true, firstBroken: null })
    stream?.close()
  })
})
