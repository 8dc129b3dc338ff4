import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventBatcher } from '../../src/main/core/event-batcher'
import type { EventMessage } from '../../src/shared/contract/events'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('the simulator', () => {
  it('feeds a marked, simulated monitor through the ingest path, and stops by itself when the permit closes', async () => {
    const ready = await s.readyPermit()
    const started = await t.ok('simulator.start', { permitIds: [ready.id] }, s.supervisor.token)
    expect(started).toMatchObject([{ permitId: ready.id, instrumentSerial: `SIM-${ready.number}`, readings: 0 }])
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000)
      t.backend.simulatorTick()
    }
    const [live] = await t.ok('readings.live', { permitId: ready.id }, s.supervisor.token)
    expect(live).toMatchObject({ monitoredBy: `SIM-${ready.number}`, simulated: true })
    expect(live?.gases.map((g) => g.gas)).toEqual(['o2', 'lel', 'h2s', 'co'])
    expect((await t.ok('simulator.status', {}, s.supervisor.token))[0]?.readings).toBe(5)
    const instruments = await t.ok('instruments.list', { search: 'SIM-' }, s.supervisor.token)
    expect(instruments.items[0]?.model).toContain('not a real instrument')
    await t.ok(
      'permits.transition',
      { permitId: ready.id, action: 'close', closeOutNotes: 'Demo over.' },
      s.supervisor.token,
    )
    t.backend.simulatorTick()
    expect(await t.ok('simulator.status', {}, s.supervisor.token)).toEqual([])
  })
})

describe('event delivery to one window', () => {
  it('coalesces ordinary updates but sends an alarm at once, after what was pending, in order', async () => {
    const batches: string[][] = []
    const batcher = createEventBatcher((batch) => batches.push(batch.map((m) => m.name)), 10_000)
    const changed: EventMessage = { name: 'permits.changed', payload: { permitId: 1, state: 'active', at: 0 } }
    const alarm: EventMessage = { name: 'alarms.raised', payload: { alarmId: 1, permitId: 1, priority: 'high', at: 0 } }
    batcher.push(changed)
    batcher.push(changed)
    expect(batches).toEqual([])
    batcher.push(alarm)
    expect(batches).toEqual([['permits.changed', 'permits.changed', 'alarms.raised']])
    batcher.close()
  })
})
