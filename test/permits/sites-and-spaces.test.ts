import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, ben, confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

/** A second site with its own space and a permit ready for entry. */
async function southSite() {
  const site = await t.ok(
    'sites.save',
    { code: 'SOUTH', name: 'South plant', limitProfile: 'factory', maxTestAgeMinutes: 30 },
    s.admin.token,
  )
  const space = await t.ok(
    'spaces.create',
    { siteId: site.id, tag: 'PIT-7', name: 'Sump pit 7', classification: 'permit_required' },
    s.supervisor.token,
  )
  return { site, space, permit: await s.readyPermit({ spaceId: space.id }) }
}

describe('permit numbers', () => {
  it('are unique across sites and carry the site code, readable over a radio', async () => {
    const north = await s.readyPermit()
    const south = await southSite()
    expect(north.number).toBe('CSE-NORTH-2026-0001')
    expect(south.permit.number).toBe('CSE-SOUTH-2026-0001')
  })

  it('stay unique when a site code is given up and taken by another site', async () => {
    const first = await s.readyPermit()
    await t.ok(
      'sites.save',
      { id: s.site.id, code: 'OLD-NORTH', name: 'North plant', limitProfile: 'factory', maxTestAgeMinutes: 30 },
      s.admin.token,
    )
    const newcomer = await t.ok(
      'sites.save',
      { code: 'NORTH', name: 'New north', limitProfile: 'factory', maxTestAgeMinutes: 30 },
      s.admin.token,
    )
    const space = await t.ok(
      'spaces.create',
      { siteId: newcomer.id, tag: 'VS-1', name: 'Vessel 1', classification: 'permit_required' },
      s.supervisor.token,
    )
    const next = await t.ok('permits.create', s.permitFields({ spaceId: space.id }), s.supervisor.token)
    expect(first.number).toBe('CSE-NORTH-2026-0001')
    expect(next.card.number).toBe('CSE-NORTH-2026-0002')
  })
})

describe('an evacuation of one site', () => {
  it('suspends that site’s permits only, names its scope, and calls only its people', async () => {
    const north = await s.readyPermit()
    const south = await southSite()
    await t.ok('entries.recordEntry', { permitId: north.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: south.permit.id, person: ben }, s.attendant.token)
    const board = await t.ok('permits.board', { siteId: south.site.id }, s.supervisor.token)
    expect(board.peopleInside).toBe(1)
    expect((await t.ok('permits.board', {}, s.supervisor.token)).peopleInside).toBe(2)

    const order = await t.ok(
      'evacuations.order',
      { siteId: south.site.id, reason: 'Sour gas release' },
      s.supervisor.token,
    )
    expect(order).toMatchObject({ scope: 'site', siteId: south.site.id, scopeLabel: 'every space of South plant' })
    expect(order.rollCall.map((c) => c.personName)).toEqual(['Ben Carter'])
    const state = async (id: number) => (await t.ok('permits.get', { permitId: id }, s.supervisor.token)).card.state
    expect(await state(south.permit.id)).toBe('suspended')
    expect(await state(north.id)).toBe('active')
  })

  it('is one of three scopes: one permit, one site, or every site, never both ids', async () => {
    const north = await s.readyPermit()
    const both = await t.call(
      'evacuations.order',
      { permitId: north.id, siteId: s.site.id, reason: 'x' },
      s.supervisor.token,
    )
    expect(both.ok ? [] : both.error.issues?.map((i) => i.field)).toEqual(['siteId'])
    const all = await t.ok('evacuations.order', { reason: 'Site-wide' }, s.supervisor.token)
    expect(all).toMatchObject({ scope: 'all', siteId: null, scopeLabel: 'every space of every site' })
    const one = await t.ok('evacuations.order', { permitId: north.id, reason: 'Again' }, s.supervisor.token)
    expect(one).toMatchObject({ scope: 'permit', scopeLabel: `${north.number} (TK-101)` })
  })
})

describe('a space’s status', () => {
  it('comes from the records: occupied while someone is inside, whatever the permit’s state', async () => {
    const spaceOf = async () =>
      (await t.ok('spaces.list', { siteId: s.site.id }, s.supervisor.token)).items.find((x) => x.id === s.space.id)
    expect(await spaceOf()).toMatchObject({ status: 'in_service', availability: 'available' })
    const ready = await s.readyPermit()
    expect(await spaceOf()).toMatchObject({
      availability: 'permit_open',
      occupancy: { headcount: 0, permit: { id: ready.id, number: ready.number, state: 'authorized' } },
    })
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('permits.transition', { permitId: ready.id, action: 'suspend', reason: 'Lunch' }, s.supervisor.token)
    expect(await spaceOf()).toMatchObject({
      availability: 'occupied',
      occupancy: { headcount: 1, permit: { state: 'suspended' } },
    })
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('permits.transition', { permitId: ready.id, action: 'close', closeOutNotes: 'Done' }, s.supervisor.token)
    expect(await spaceOf()).toMatchObject({ availability: 'available', occupancy: { headcount: 0, permit: null } })
  })

  it('sets by hand only what a person decides, and the old hand-set occupancy values are refused', async () => {
    const fields = {
      siteId: s.site.id,
      tag: 'TK-101',
      name: 'Crude tank 101',
      classification: 'permit_required' as const,
    }
    const locked = await t.ok(
      'spaces.update',
      { spaceId: s.space.id, ...fields, status: 'locked_out' },
      s.supervisor.token,
    )
    expect(locked).toMatchObject({ status: 'locked_out', availability: 'locked_out' })
    const legacy = await t.call(
      'spaces.update',
      { spaceId: s.space.id, ...fields, status: 'in_use' },
      s.supervisor.token,
    )
    expect(legacy.ok ? [] : legacy.error.issues?.map((i) => i.field)).toEqual(['status'])
  })
})
