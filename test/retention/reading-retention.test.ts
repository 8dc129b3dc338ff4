import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retentionBatchRows } from '../../src/main/retention/retention-service'
import { confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 10, item 8: raw continuous readings are kept as long as their site says after their
 * permit is closed or cancelled (never less than a year: 1910.146(e)(6)), then removed in
 * batches, audited, and the rollups stay for the trends.
 */

const minute = 60_000
const day = 86_400_000

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
const ids = { old: 0, open: 0, recent: 0 }
let t0 = 0
let closedOldAt = 0

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as number
  } finally {
    db.close()
  }
}
const readingsOf = (permitId: number) => count('select count(*) from monitor_readings where permit_id = ?', permitId)
function rollupsOf(permitId: number): unknown[] {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return ['reading_rollups_minute', 'reading_rollups_hour'].flatMap((table) =>
      db.prepare(`select * from ${table} where permit_id = ? order by instrument_id, gas, starts_at`).all(permitId),
    )
  } finally {
    db.close()
  }
}
const saveSite = (rawReadingDays: number) =>
  t.call(
    'sites.save',
    {
      id: s.site.id,
      code: 'NORTH',
      name: 'North plant',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
      rawReadingDays,
    },
    s.admin.token,
  )
const trendOfOld = () =>
  t.ok(
    'trends.query',
    { subject: { kind: 'permit', permitId: ids.old }, from: t0, to: t0 + day, width: 1920 },
    s.tester.token,
  )

beforeAll(async () => {
  // The test spans more than a year: sessions outlast it (idle expiry has its own test).
  t = makeTestBackend({ sessionPolicy: { ...longSessions, idleTimeoutMs: 800 * day, maxLifetimeMs: 800 * day } })
  s = await confinedSpaceSite(t)
  await s.registerInstrument(s.site.id, 'MX5')
  t0 = t.clock.now()
  ids.old = (await s.readyPermit()).id
  ids.open = (await s.readyPermit({ purpose: 'Still open' })).id
  ids.recent = (await s.readyPermit({ purpose: 'Closed lately' })).id
  t.clock.advance(50 * minute)
  const { token } = await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)
  const readings: Record<string, unknown>[] = []
  // More than a batch for the permit that will go: 2 monitors at 1 Hz for 45 minutes.
  for (let at = t0; at < t0 + 45 * minute; at += 1000)
    for (const monitoredBy of ['MX4', 'MX5']) {
      readings.push({ permitId: ids.old, loggedAt: at, monitoredBy, oxygenPercent: 20.9, h2sPpm: (at / 1000) % 3 })
      if (at % 60_000 === 0)
        for (const permitId of [ids.open, ids.recent]) readings.push({ permitId, loggedAt: at, monitoredBy, coPpm: 2 })
    }
  for (let start = 0; start < readings.length; start += 1000)
    await t.ok('readings.ingest', { readings: readings.slice(start, start + 1000) }, token)
  t.clock.advance(10 * minute)
  closedOldAt = t.clock.now()
  await t.ok('permits.transition', { permitId: ids.old, action: 'close', closeOutNotes: 'Done' }, s.supervisor.token)
})
afterAll(() => t.dispose())

describe('retention of raw readings', () => {
  it('keeps every raw reading until its site’s setting after the permit closed (400 days by default)', async () => {
    expect(readingsOf(ids.old)).toBeGreaterThan(retentionBatchRows)
    const before = { old: readingsOf(ids.old), open: readingsOf(ids.open), recent: readingsOf(ids.recent) }
    t.clock.advance(360 * day)
    await t.ok(
      'permits.transition',
      { permitId: ids.recent, action: 'close', closeOutNotes: 'Done' },
      s.supervisor.token,
    )
    t.clock.advance(closedOldAt + 399 * day - t.clock.now())
    const audited = t.auditCount()
    expect(await t.backend.runDueRetention()).toBeNull()
    expect(t.auditCount()).toBe(audited)
    expect({ old: readingsOf(ids.old), open: readingsOf(ids.open), recent: readingsOf(ids.recent) }).toEqual(before)
  })

  it('refuses a setting below a year, naming the field and the rule, and writes nothing', async () => {
    // The session is seen now, so the refused call changes nothing of it either.
    await t.ok('retention.status', {}, s.admin.token)
    const before = t.snapshot()
    const refused = await saveSite(364)
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ field: 'rawReadingDays', message: expect.stringMatching(/at least 365.*1910\.146\(e\)\(6\)/) }],
      },
    })
    expect(t.snapshot()).toBe(before)
  })

  it('then removes them in batches, keeps the rollups the trends answer from, and audits the run per permit', async () => {
    const trendBefore = await trendOfOld()
    expect(trendBefore.resolution).toBe('minute')
    expect(trendBefore.series.map((series) => series.gas)).toEqual(['o2', 'h2s', 'o2', 'h2s'])
    const rollups = rollupsOf(ids.old)
    const removed = readingsOf(ids.old)
    const kept = { open: readingsOf(ids.open), recent: readingsOf(ids.recent) }
    expect(await saveSite(365)).toMatchObject({ ok: true, value: { rawReadingDays: 365 } })

    const run = await t.backend.runDueRetention()

    expect(run).toMatchObject({ readings: removed, permits: [{ permitId: ids.old, readings: removed }] })
    expect(readingsOf(ids.old)).toBe(0)
    expect(rollupsOf(ids.old)).toEqual(rollups)
    expect(await trendOfOld()).toEqual(trendBefore)
    // The open permit and the one closed 39 days ago keep theirs.
    expect({ open: readingsOf(ids.open), recent: readingsOf(ids.recent) }).toEqual(kept)
    const [entry] = (await t.ok('audit.list', { limit: 1 }, s.admin.token)).items
    expect(entry).toMatchObject({ action: 'readings.raw_removed', user: 'Gatehouse (retention)' })
    expect(entry?.summary).toContain(`(${String(removed)} readings)`)
    const status = await t.ok('retention.status', {}, s.admin.token)
    expect(status).toMatchObject({
      sites: [{ siteId: s.site.id, rawReadingDays: 365 }],
      minimumDays: 365,
      lastRun: { permits: [{ permitId: ids.old, readings: removed }], readings: removed },
    })
    // A raw export says the readings went, and a second run finds nothing.
    const file = await t.ok(
      'gas.export',
      { subject: { kind: 'permit', permitId: ids.old }, resolution: 'raw', format: 'json' },
      s.tester.token,
    )
    expect(file.rows).toBe(0)
    expect(await t.backend.runDueRetention()).toBeNull()
  })
})
