import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHttpServer } from '../../src/main/http/http-server'
import type { RunningHttpServer } from '../../src/main/http/http-server'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

/** Issue 7, item 3: the field API as a gateway uses it, over HTTP with its device token. */

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
let server: RunningHttpServer
let permitId = 0
let token = ''
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
  permitId = (await s.readyPermit()).id
  token = (await t.ok('devices.create', { name: 'Gateway TK-101', siteId: s.site.id }, s.admin.token)).token
  server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
})
afterEach(async () => {
  await server.close()
  t.dispose()
})

async function post(path: string, body: unknown, bearer = token) {
  const response = await fetch(`${server.url}/api/rpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean
      value?: unknown
      error?: { code: string; issues?: { field: string; rule: string }[] }
    },
  }
}

const reading = (overrides: Record<string, unknown> = {}) => ({
  permitId,
  loggedAt: t.clock.now(),
  monitoredBy: 'MX4',
  oxygenPercent: 20.9,
  lelPercent: 0,
  h2sPpm: 0.5,
  coPpm: 2,
  ...overrides,
})

const storedReadings = () => {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return (db.prepare('select count(*) as n from monitor_readings').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('the field API', () => {
  it('takes a batch with a device token, in either template’s names, acknowledged after commit', async () => {
    const variant = { permitId, readingsAt: t.clock.now(), monitorName: 'MX4', oxygenPct: 20.8, h2sPpm: 1 }
    const answer = await post('readings.ingest', { readings: [reading({ loggedAt: t.clock.now() - 1000 }), variant] })
    expect(answer).toMatchObject({ status: 200, body: { ok: true, value: { accepted: 2, duplicate: false } } })
    expect(storedReadings()).toBe(2)
    const live = await t.ok('readings.live', { permitId }, s.supervisor.token)
    expect(live[0]?.gases.find((g) => g.gas === 'o2')).toMatchObject({ value: 20.8 })
  })

  it('lets a device token do nothing else', async () => {
    for (const path of ['auth.me', 'users.list', 'permits.board', 'alarms.acknowledge', 'devices.create']) {
      const result = await post(path, {})
      expect(result.status, path).toBe(403)
      expect(result.body.error?.code, path).toBe('FORBIDDEN')
    }
    const events = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${token}` } })
    expect(events.status).toBe(401)
  })

  it('keeps a device to its own site', async () => {
    const south = await t.ok(
      'sites.save',
      { code: 'SOUTH', name: 'South', limitProfile: 'factory', maxTestAgeMinutes: 30 },
      s.admin.token,
    )
    const other = (await t.ok('devices.create', { name: 'South gateway', siteId: south.id }, s.admin.token)).token
    const result = await post('readings.ingest', { readings: [reading()] }, other)
    expect(result.body.error?.issues).toContainEqual(
      expect.objectContaining({ field: 'readings.0.permitId', rule: 'site_scope' }),
    )
    expect(storedReadings()).toBe(0)
  })

  it('records when a token was last used, writing it at most once a minute', async () => {
    const lastUsed = async () => (await t.ok('devices.list', {}, s.admin.token))[0]?.lastUsedAt
    expect(await lastUsed()).toBeNull()
    const first = t.clock.now()
    expect((await post('readings.ingest', { readings: [reading()] })).status).toBe(200)
    expect(await lastUsed()).toBe(first)
    t.clock.advance(59_000)
    expect((await post('readings.ingest', { readings: [reading()] })).status).toBe(200)
    expect(await lastUsed()).toBe(first)
    t.clock.advance(1_000)
    expect((await post('readings.ingest', { readings: [reading()] })).status).toBe(200)
    expect(await lastUsed()).toBe(first + 60_000)
  })

  it('refuses a gas the instrument does not measure, naming each row and gas, and stores nothing', async () => {
    await t.ok(
      'instruments.save',
      {
        siteId: s.site.id,
        serial: 'H2S-1',
        name: 'Single-gas clip',
        sensors: ['h2s'],
        lastBumpAt: t.clock.now(),
        calibrationDueAt: t.clock.now() + 86_400_000,
      },
      s.admin.token,
    )
    const clip = { permitId, loggedAt: t.clock.now(), monitoredBy: 'H2S-1' }
    const answer = await post('readings.ingest', {
      readings: [reading(), { ...clip, h2sPpm: 1 }, { ...clip, h2sPpm: 1, coPpm: 3, oxygenPercent: 20.9 }],
    })
    expect(answer.body.ok).toBe(false)
    expect(answer.body.error?.issues?.filter((issue) => issue.rule === 'sensor_fitted')).toEqual([
      expect.objectContaining({ field: 'readings.2.oxygenPercent' }),
      expect.objectContaining({ field: 'readings.2.coPpm' }),
    ])
    expect(storedReadings()).toBe(0)
    expect((await post('readings.ingest', { readings: [reading(), { ...clip, h2sPpm: 1 }] })).status).toBe(200)
    expect(storedReadings()).toBe(2)
  })

  it('refuses a revoked token at once', async () => {
    const [device] = await t.ok('devices.list', { includeRevoked: false }, s.admin.token)
    await t.ok('devices.revoke', { deviceId: device?.id ?? 0, reason: 'Lost' }, s.admin.token)
    expect((await post('readings.ingest', { readings: [reading()] })).status).toBe(401)
  })

  it('stores a retried batch once: the idempotency key returns the first answer', async () => {
    const batch = { readings: [reading(), reading({ loggedAt: t.clock.now() - 1000 })], idempotencyKey: 'batch-0001' }
    const first = await post('readings.ingest', batch)
    const again = await post('readings.ingest', batch)
    expect(first.body.value).toMatchObject({ accepted: 2, duplicate: false })
    expect(again.body.value).toMatchObject({ accepted: 2, duplicate: true })
    expect(storedReadings()).toBe(2)
  })

  it('refuses a batch over 1,000 readings, and stores nothing', async () => {
    const result = await post('readings.ingest', { readings: Array.from({ length: 1001 }, () => reading()) })
    expect(result.status).toBe(400)
    expect(result.body.error?.issues?.[0]?.field).toBe('readings')
    expect(storedReadings()).toBe(0)
  })

  it('answers RATE_LIMITED past the token’s rate', async () => {
    await server.close()
    t.dispose()
    t = makeTestBackend({
      sessionPolicy: longSessions,
      deviceLimits: { requests: { capacity: 3, perSecond: 1 }, readings: { capacity: 100, perSecond: 10 } },
    })
    s = await confinedSpaceSite(t)
    permitId = (await s.readyPermit()).id
    token = (await t.ok('devices.create', { name: 'Chatty', siteId: s.site.id }, s.admin.token)).token
    server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await post('readings.ingest', { readings: [reading()] })).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    t.clock.advance(1000)
    expect((await post('readings.ingest', { readings: [reading()] })).status).toBe(200)
    expect(
      (await post('readings.ingest', { readings: Array.from({ length: 101 }, () => reading()) })).body.error?.code,
    ).toBe('RATE_LIMITED')
  })
})
