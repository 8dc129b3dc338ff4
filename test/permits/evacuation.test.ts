import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, ben, confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend()
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('evacuation', () => {
  it('suspends the permit, calls the roll of everyone inside, and ticks them off as they come out', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    const order = await t.ok(
      'evacuations.order',
      { permitId: ready.id, reason: 'H2S alarm at the portal' },
      s.attendant.token,
    )
    expect(order.rollCall.map((c) => c.personName)).toEqual(['Ana Silva', 'Ben Carter'])

    let card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.state).toBe('suspended')
    expect(card.evacuation?.stillInside).toEqual(['Ana Silva', 'Ben Carter'])
    expect(card.alarms[0]).toBe('Evacuation ordered: 2 people still inside.')
    const entry = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(entry.ok).toBe(false)

    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.evacuation?.stillInside).toEqual(['Ben Carter'])

    await t.ok('entries.recordExit', { permitId: ready.id, person: ben }, s.attendant.token)
    expect(await t.ok('evacuations.active', {}, s.supervisor.token)).toEqual([])
    card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.evacuation).toBeNull()
    expect(card.inside).toEqual([])
  })

  it('of every space reaches every permit that admits or holds people', async () => {
    const first = await s.readyPermit()
    const second = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: first.id, person: ana }, s.attendant.token)
    const order = await t.ok('evacuations.order', { reason: 'Site-wide gas release' }, s.supervisor.token)
    expect(order.permitId).toBeNull()
    expect(order.rollCall).toHaveLength(1)
    for (const id of [first.id, second.id]) {
      expect((await t.ok('permits.get', { permitId: id }, s.supervisor.token)).card.state).toBe('suspended')
    }
  })

  it('accepts the exit of someone the log never saw enter, with a warning, and the headcount stays at zero', async () => {
    const ready = await s.readyPermit()
    const exit = await t.ok(
      'entries.recordExit',
      { permitId: ready.id, person: { name: 'Walk In' } },
      s.attendant.token,
    )
    expect(exit.headcount).toBe(0)
    expect(exit.warning).not.toBeNull()
    expect((await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card.inside).toEqual([])
  })
})

describe('overlapping evacuation orders', () => {
  it('list each person still inside once, and clear together when they come out', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    await t.ok('evacuations.order', { permitId: ready.id, reason: 'Gas alarm' }, s.attendant.token)
    await t.ok('evacuations.order', { permitId: ready.id, reason: 'Gas alarm, again' }, s.attendant.token)
    await t.ok('evacuations.order', { reason: 'Site-wide' }, s.supervisor.token)
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.evacuation?.stillInside).toEqual(['Ben Carter'])
    expect(card.alarms[0]).toBe('Evacuation ordered: 1 person still inside.')
    await t.ok('entries.recordExit', { permitId: ready.id, person: ben }, s.attendant.token)
    expect(await t.ok('evacuations.active', {}, s.supervisor.token)).toEqual([])
  })
})
