import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, ben, confinedSpaceSite } from '../support/scenario'

/** Issue 7: the alarm engine, through dispatch() and a real database, with the clock in hand. */

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

const second = 1000

/** Continuous readings from the site's monitor, posted by the attendant's console. */
function post(permitId: number, rows: Record<string, number>[]) {
  return t.ok(
    'readings.ingest',
    {
      readings: rows.map((row, index) => ({
        permitId,
        monitoredBy: 'MX4',
        loggedAt: t.clock.now() - (rows.length - index),
        ...row,
      })),
    },
    s.attendant.token,
  )
}

const card = async (permitId: number) => (await t.ok('permits.get', { permitId }, s.supervisor.token)).card
const openAlarms = async (permitId: number) =>
  (await t.ok('alarms.list', { permitId, open: true }, s.supervisor.token)).items

describe('a breach with someone inside', () => {
  it('suspends the permit and orders evacuation exactly once, however many bad readings the batch holds', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    const answer = await post(
      ready.id,
      Array.from({ length: 50 }, (_, i) => ({ h2sPpm: 11 + (i % 5) })),
    )
    expect(answer).toMatchObject({ accepted: 50, alarmsRaised: 1, duplicate: false })
    const after = await card(ready.id)
    expect(after.state).toBe('suspended')
    expect(after.evacuation?.stillInside).toEqual(['Ana Silva', 'Ben Carter'])
    const evacuations = await t.ok('evacuations.active', {}, s.supervisor.token)
    expect(evacuations).toHaveLength(1)
    expect(evacuations[0]).toMatchObject({
      orderedBy: 'Gatehouse (gas alarm)',
      reason: expect.stringMatching(/^Gas alarm: H2S/),
    })
    const [alarm] = await openAlarms(ready.id)
    expect(alarm).toMatchObject({
      gas: 'h2s',
      level: 'low',
      value: 15,
      latched: true,
      firstOut: true,
      state: 'active_unacknowledged',
    })
    const [audit] = (await t.ok('audit.list', { limit: 1 }, s.admin.token)).items
    expect(audit?.action).toBe('readings.ingested')
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({
      count: 50,
      automaticActions: [{ permit: ready.number, evacuationId: evacuations[0]?.id, suspended: true }],
    })
    // More bad readings do not order a second evacuation.
    await post(ready.id, [{ h2sPpm: 14 }])
    expect(await t.ok('evacuations.active', {}, s.supervisor.token)).toHaveLength(1)
  })

  it('stays latched when the value recovers: resume waits for acknowledgement and a supervisor’s resolution', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await post(ready.id, [{ lelPercent: 12 }])
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    await post(ready.id, [{ lelPercent: 1 }])
    const [alarm] = await openAlarms(ready.id)
    expect(alarm).toMatchObject({ state: 'cleared_unacknowledged', latched: true })
    const resume = () => t.call('permits.transition', { permitId: ready.id, action: 'resume' }, s.supervisor.token)
    const refused = await resume()
    expect(refused.ok ? '' : refused.error.message).toContain('must be resolved by a site supervisor')
    const early = await t.call(
      'alarms.resolve',
      { alarmId: alarm?.id ?? 0, resolution: 'real_event', helpSent: false },
      s.supervisor.token,
    )
    expect(early.ok ? '' : early.error.message).toContain('Acknowledge')
    await t.ok('alarms.acknowledge', { alarmIds: [alarm?.id ?? 0] }, s.attendant.token)
    const byAttendant = await t.call(
      'alarms.resolve',
      { alarmId: alarm?.id ?? 0, resolution: 'real_event', helpSent: false },
      s.attendant.token,
    )
    expect(byAttendant.ok ? '' : byAttendant.error.code).toBe('FORBIDDEN')
    const resolved = await t.ok(
      'alarms.resolve',
      { alarmId: alarm?.id ?? 0, resolution: 'real_event', note: 'Sludge disturbed', helpSent: false },
      s.supervisor.token,
    )
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'real_event', resolvedBy: 'sue' })
    expect((await resume()).ok).toBe(true)
  })
})

describe('a breach with nobody inside', () => {
  it('raises the alarm and blocks entry, and suspends nothing', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ coPpm: 40 }])
    const alarmed = await card(ready.id)
    expect(alarmed.state).toBe('authorized')
    // The last test passed, but the monitor's breach is what the card shows.
    expect(alarmed.atmosphere.level).toBe('red')
    expect(alarmed.atmosphere.reasons[0]).toMatch(/^Monitor in alarm: CO 40 ppm/)
    const [alarm] = await openAlarms(ready.id)
    expect(alarm).toMatchObject({ gas: 'co', latched: false, priority: 'medium' })
    const refused = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(refused.ok ? [] : refused.error.unmet?.map((u) => u.code)).toEqual(['no_gas_alarm'])
    await post(ready.id, [{ coPpm: 3 }])
    expect((await card(ready.id)).atmosphere.level).toBe('green')
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
  })

  it('suspends the permit on a high alarm all the same', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ oxygenPercent: 23.5 }])
    expect((await card(ready.id)).state).toBe('suspended')
    const [alarm] = await openAlarms(ready.id)
    expect(alarm).toMatchObject({ gas: 'o2', level: 'high', priority: 'high', latched: true })
  })
})

describe('the alarms.raised event', () => {
  it('goes out once per alarm, after commit, each with its own priority', async () => {
    const ready = await s.readyPermit()
    const seen: { priority: string; permitId: number }[] = []
    const stop = t.backend.bus.subscribe((message) => {
      if (message.name === 'alarms.raised')
        seen.push({ priority: message.payload.priority, permitId: message.payload.permitId })
    })
    await post(ready.id, [{ oxygenPercent: 23.6, coPpm: 40 }])
    stop()
    expect(seen.map((e) => e.priority).sort()).toEqual(['high', 'medium'])
    expect(seen.every((e) => e.permitId === ready.id)).toBe(true)
  })
})

describe('readings of some gases', () => {
  it('judge only what was measured: a missing gas is not measured, never zero', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ h2sPpm: 2.5 }])
    const [live] = (await card(ready.id)).liveValues
    expect(live?.gases).toEqual([expect.objectContaining({ gas: 'h2s', value: 2.5, status: 'ok' })])
    expect(await openAlarms(ready.id)).toEqual([])
  })
})

describe('first-out and flood', () => {
  it('marks the first alarm of a permit first-out, and says flood past ten alarms in ten minutes', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ h2sPpm: 12 }])
    await post(ready.id, [{ coPpm: 40 }])
    const alarms = await openAlarms(ready.id)
    expect(alarms.map((a) => [a.gas, a.firstOut])).toEqual([
      ['co', false],
      ['h2s', true],
    ])
    for (let i = 0; i < 5; i++) {
      t.clock.advance(second)
      await post(ready.id, [{ h2sPpm: 1, coPpm: 1 }])
      await post(ready.id, [{ h2sPpm: 12, coPpm: 40 }])
    }
    const summary = await t.ok('alarms.summary', {}, s.supervisor.token)
    expect(summary.raisedLast10Min).toBe(12)
    expect(summary.flood).toBe(true)
    t.clock.advance(11 * 60 * second)
    expect((await t.ok('alarms.summary', {}, s.supervisor.token)).flood).toBe(false)
  })
})

describe('a silent feed', () => {
  it('raises a stale-data alarm while people are inside, and clears it when a reading arrives', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ h2sPpm: 1 }])
    t.clock.advance(61 * second)
    expect(t.backend.checkStale()).toBe(0)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    t.clock.advance(61 * second)
    await s.recordTest(ready.id)
    expect(t.backend.checkStale()).toBe(1)
    expect(t.backend.checkStale()).toBe(0)
    const [stale] = await openAlarms(ready.id)
    expect(stale).toMatchObject({ kind: 'stale', priority: 'low', state: 'active_unacknowledged' })
    await post(ready.id, [{ h2sPpm: 1 }])
    expect((await openAlarms(ready.id))[0]).toMatchObject({ kind: 'stale', state: 'cleared_unacknowledged' })
    expect((await card(ready.id)).state).toBe('active')
  })
})

describe('acknowledging', () => {
  it('takes one alarm, or every alarm of one instrument, and is audited', async () => {
    const ready = await s.readyPermit()
    await post(ready.id, [{ h2sPpm: 12, coPpm: 40 }])
    expect((await t.ok('alarms.summary', {}, s.supervisor.token)).worstUnacknowledged).toBe('medium')
    const audits = t.auditCount()
    const result = await t.ok('alarms.acknowledge', { instrumentId: s.instrument.id }, s.attendant.token)
    expect(result.acknowledged).toBe(2)
    expect(t.auditCount()).toBe(audits + 1)
    expect((await openAlarms(ready.id)).map((a) => a.state)).toEqual(['active_acknowledged', 'active_acknowledged'])
    expect((await t.ok('alarms.summary', {}, s.supervisor.token)).worstUnacknowledged).toBeNull()
  })
})
