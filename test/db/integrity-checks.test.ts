import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { roles } from '../../src/shared/contract/roles'
import { adminAccount, longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

const hour = 3_600_000
const backends: TestBackend[] = []
afterEach(() => {
  for (const t of backends.splice(0)) t.dispose()
})

const start = (dataDir?: string) => {
  const t = makeTestBackend({ sessionPolicy: longSessions, ...(dataDir ? { dataDir } : {}) })
  backends.push(t)
  return t
}

const checks = (t: TestBackend, token: string) => t.ok('system.integrityChecks', { limit: 50, offset: 0 }, token)

const rows = (t: TestBackend, sql: string) => {
  const sqlite = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return sqlite.prepare(sql).all()
  } finally {
    sqlite.close()
  }
}

/**
 * A Gatehouse data folder with an administrator and 40,000 readings, then one leaf page in the
 * middle of monitor_readings overwritten, as a failing disk would: start-up's bounded check
 * reads the edges of each table, never that page.
 */
async function folderDamagedDeepInside(): Promise<{ dataDir: string; page: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-damaged-'))
  const file = path.join(dataDir, 'gatehouse.db')
  const source = start()
  await source.setupAdmin()
  const sqlite = new Database(source.backend.databaseFile)
  sqlite.exec(`vacuum into '${file}'`)
  sqlite.close()
  const copy = new Database(file)
  // Readings of no permit: the integrity check does not follow references.
  copy.pragma('foreign_keys = OFF')
  copy.exec(`
    insert into monitor_readings (permit_id, instrument_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags)
    with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < 40000)
    select 1, 1, 1800000000000 + i * 1000, 150, 2090 + i % 7, i % 11, i % 13, i % 17, 0 from n`)
  const leaves = copy
    .prepare("select pageno from dbstat where name = 'monitor_readings' and pagetype = 'leaf' order by path")
    .pluck()
    .all() as number[]
  const pageSize = copy.pragma('page_size', { simple: true }) as number
  copy.close()
  const page = leaves[Math.floor(leaves.length / 2)] ?? 0
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize)
  fs.closeSync(fd)
  return { dataDir, page }
}

describe('the database checks', () => {
  it('record the bounded start-up check, audited under the check’s name', async () => {
    const t = start()
    const { token } = await t.setupAdmin()
    const listed = await checks(t, token)
    expect(listed.lastStartup).toMatchObject({ trigger: 'startup', result: 'ok', at: t.clock.now() })
    expect(listed.lastFull).toBeNull()
    expect(listed.nextDueAt).toBeNull()
    expect(rows(t, "select actor_name as actor from audit_entries where action = 'system.integrity_checked'")).toEqual([
      { actor: 'Gatehouse (integrity check)' },
    ])
  })

  it('run the full check when an administrator asks: recorded with its size and duration, audited under their name', async () => {
    const t = start()
    const { token } = await t.setupAdmin()
    const before = t.auditCount()
    const check = await t.ok('system.checkIntegrity', {}, token)
    expect(check).toMatchObject({ trigger: 'manual', result: 'ok', at: t.clock.now() })
    expect(check.pages).toBeGreaterThan(10)
    expect(check.durationMs).toBeGreaterThanOrEqual(0)
    expect(t.auditCount()).toBe(before + 1)
    const { items } = await t.ok('audit.list', { limit: 1 }, token)
    expect(items[0]).toMatchObject({
      action: 'system.integrity_checked',
      actorName: adminAccount.username,
      summary: 'Full integrity check of the database passed',
    })
    const listed = await checks(t, token)
    expect(listed.lastFull).toEqual(check)
    expect(listed.items.map((item) => item.trigger)).toEqual(['manual', 'startup'])
    expect(listed.running).toBeNull()
    expect(listed.nextDueAt).toBe(check.at + 24 * hour)
  })

  it('start no second full check while one runs', async () => {
    const t = start()
    const { token } = await t.setupAdmin()
    const [first, second] = await Promise.all([
      t.call('system.checkIntegrity', {}, token),
      t.call('system.checkIntegrity', {}, token),
    ])
    expect(first.ok).toBe(true)
    expect(second.ok ? null : second.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already running/),
    })
    expect(await t.backend.runDueIntegrityCheck()).toBeNull()
    expect((await checks(t, token)).items.filter((item) => item.trigger !== 'startup')).toHaveLength(1)
  })

  it('are for administrators only: anyone else is refused and nothing is run or written', async () => {
    const t = start()
    const { token } = await t.setupAdmin()
    const others = roles.filter((role) => role !== 'administrator')
    const other = await t.userWithRoles(token, 'everyone-else', [...others])
    const written = t.snapshot()
    for (const [path, input] of [
      ['system.checkIntegrity', {}],
      ['system.integrityChecks', { limit: 10, offset: 0 }],
      ['system.setIntegrityCheckSchedule', { everyHours: 6 }],
    ] as const) {
      const result = await t.call(path, input, other.token)
      expect(result.ok ? null : result.error.code, path).toBe('FORBIDDEN')
    }
    expect(t.snapshot()).toBe(written)
  })

  it('run on schedule: at once when none ran, then when the last full check is as old as the interval (audited setting)', async () => {
    const t = start()
    const { token } = await t.setupAdmin()
    const first = await t.backend.runDueIntegrityCheck()
    expect(first).toMatchObject({ trigger: 'scheduled', result: 'ok' })
    expect(await t.backend.runDueIntegrityCheck()).toBeNull()

    const refused = await t.call('system.setIntegrityCheckSchedule', { everyHours: 0 }, token)
    expect(refused.ok ? null : refused.error.issues).toEqual([
      expect.objectContaining({ field: 'everyHours', message: 'must be at least 1' }),
    ])
    expect(await t.ok('system.setIntegrityCheckSchedule', { everyHours: 6 }, token)).toEqual({
      everyHours: 6,
      updatedAt: t.clock.now(),
    })
    const { items } = await t.ok('audit.list', { limit: 1 }, token)
    expect(items[0]?.summary).toBe('Database integrity check schedule set: a full check every 6 h')

    t.clock.advance(6 * hour - 1)
    expect(await t.backend.runDueIntegrityCheck()).toBeNull()
    // A manual check counts: the next scheduled one is due six hours after it.
    const manual = await t.ok('system.checkIntegrity', {}, token)
    t.clock.advance(6 * hour - 1)
    expect(await t.backend.runDueIntegrityCheck()).toBeNull()
    t.clock.advance(1)
    expect(await t.backend.runDueIntegrityCheck()).toMatchObject({ trigger: 'scheduled', at: manual.at + 6 * hour })
  })

  it('start on a file damaged deep inside a table, and the full check finds it, tells each administrator and shows it', async () => {
    const { dataDir, page } = await folderDamagedDeepInside()
    const t = start(dataDir)
    const admin = await t.ok('auth.login', { username: adminAccount.username, password: adminAccount.password })
    const check = await t.ok('system.checkIntegrity', {}, admin.token)
    expect(check.trigger).toBe('manual')
    expect(check.result).toMatch(new RegExp(`page ${String(page)}: btreeInitPage`))
    const listed = await checks(t, admin.token)
    expect(listed.lastFull?.result).toBe(check.result)
    expect(listed.lastStartup?.result).toBe('ok')
    const inbox = await t.ok('notifications.list', {}, admin.token)
    expect(inbox.items[0]).toMatchObject({
      kind: 'integrity_check_failed',
      title: 'The database check found a problem',
      entityType: 'integrity_check',
      entityId: check.id,
    })
    const { items } = await t.ok(
      'audit.list',
      { limit: 1, filter: { action: 'system.integrity_checked' } },
      admin.token,
    )
    expect(items[0]?.summary).toMatch(/^Full integrity check of the database found: .*btreeInitPage/s)
  })
})
