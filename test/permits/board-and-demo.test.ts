import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend()
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('the permit board', () => {
  it('shows state, headcount, attendant, atmosphere and alarms, alarms first', async () => {
    const calm = await s.readyPermit()
    const bad = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: bad.id, person: ana }, s.attendant.token)
    await s.recordTest(bad.id, { o2: 19.0, lel: 0, h2s: 0, co: 0 })
    const { cards } = await t.ok('permits.board', {}, s.supervisor.token)
    expect(cards.map((c) => c.id)).toEqual([bad.id, calm.id])
    const [first, second] = cards
    // A failing test with someone inside is a gas alarm that acts: the permit is suspended and evacuated.
    expect(first).toMatchObject({ state: 'suspended', attendantOnDuty: 'art', atmosphere: { level: 'red' } })
    expect(first?.inside.map((p) => p.name)).toEqual(['Ana Silva'])
    expect(first?.alarms[0]).toBe('Evacuation ordered: 1 person still inside.')
    expect(first?.alarms).toContainEqual(expect.stringMatching(/^Prohibited atmosphere with 1 person inside/))
    expect(first?.gasAlarms).toMatchObject([{ priority: 'medium', latched: true, acknowledged: false }])
    expect(second).toMatchObject({ state: 'authorized', atmosphere: { level: 'green' }, alarms: [] })
  })

  it('filters by state and lists permits in the register shape', async () => {
    await s.readyPermit()
    await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    const drafts = await t.ok('permits.board', { states: ['draft'] }, s.supervisor.token)
    expect(drafts.cards.map((c) => c.state)).toEqual(['draft'])
    const register = await t.ok('permits.register', {}, s.supervisor.token)
    expect(register.total).toBe(2)
    expect(register.items[1]).toMatchObject({
      spaceName: 'Crude tank 101',
      permitNumber: 'CSE-NORTH-2026-0001',
      status: 'authorized',
      location: 'Tank farm',
      issuedBy: 'sue',
    })
  })
})

describe('the demo site', () => {
  it('loads once, clearly labelled, with permits in several states and alarms to see', async () => {
    const made = await t.ok('demo.load', {}, s.supervisor.token)
    const sites = await t.ok('sites.list', {}, s.supervisor.token)
    expect(sites.find((site) => site.id === made.siteId)).toMatchObject({ isDemo: true, name: 'Demo site (not real)' })
    const { cards } = await t.ok('permits.board', { siteId: made.siteId }, s.supervisor.token)
    expect(new Set(cards.map((c) => c.state))).toEqual(
      new Set(['active', 'suspended', 'authorized', 'pending_authorization', 'draft']),
    )
    expect(cards.some((c) => c.alarms.length > 0)).toBe(true)
    expect(cards.reduce((n, c) => n + c.inside.length, 0)).toBe(4)
    expect((await t.call('demo.load', {}, s.supervisor.token)).ok).toBe(false)
  })
})

describe('shift handover', () => {
  it('is signed by the outgoing supervisor and acknowledged by another', async () => {
    const ready = await s.readyPermit({ validTo: t.clock.now() + 3 * 3_600_000 })
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    const draft = await t.ok('handover.draft', { shiftHours: 8 }, s.supervisor.token)
    expect(draft).toMatchObject({ peopleInside: 1, expiringNextShift: [{ permitId: ready.id }] })
    expect(draft.attendants.map((a) => a.fullName)).toEqual(['art'])
    const signed = await t.ok(
      'handover.sign',
      { shiftHours: 8, notes: 'Ana inside TK-101', password: 'a long enough passphrase' },
      s.supervisor.token,
    )
    const self = await t.call(
      'handover.acknowledge',
      { handoverId: signed.id, signedAt: signed.signedAt, password: 'a long enough passphrase' },
      s.supervisor.token,
    )
    expect(self.ok ? '' : self.error.code).toBe('PRECONDITION_FAILED')
    const incoming = await t.userWithRoles(s.admin.token, 'ivan', ['supervisor'])
    // Only the handover as signed, at the time the incoming supervisor was shown, can be acknowledged.
    const other = await t.call(
      'handover.acknowledge',
      { handoverId: signed.id, signedAt: signed.signedAt - 1, password: 'a long enough passphrase' },
      incoming.token,
    )
    expect(other.ok ? '' : other.error.code).toBe('CONFLICT')
    const acknowledged = await t.ok(
      'handover.acknowledge',
      { handoverId: signed.id, signedAt: signed.signedAt, password: 'a long enough passphrase' },
      incoming.token,
    )
    expect(acknowledged).toMatchObject({ outgoing: 'sue', incoming: 'ivan', acknowledgedAt: t.clock.now() })
  })
})

describe('saving a permit as PDF', () => {
  it('is a desktop feature: without the window’s host it says to use the print dialog', async () => {
    const ready = await s.readyPermit()
    const result = await t.call('permits.savePdf', { permitId: ready.id }, s.supervisor.token)
    expect(result.ok ? '' : result.error.message).toContain('use Print and choose "Save as PDF"')
  })

  it('asks the calling window for the PDF, named after the permit and its space', async () => {
    const ready = await s.readyPermit()
    const asked: string[] = []
    const host = {
      exportPdf: async (name: string) => (asked.push(name), `/home/sue/${name}`),
      printPdf: () => Promise.reject(new Error('savePdf must not print for an archive')),
    }
    const { result } = await t.backend.dispatch(
      'permits.savePdf',
      { permitId: ready.id },
      { token: s.supervisor.token, host },
    )
    expect(result).toEqual({ ok: true, value: { file: '/home/sue/CSE-NORTH-2026-0001 TK-101.pdf' } })
    expect(asked).toEqual(['CSE-NORTH-2026-0001 TK-101.pdf'])
  })
})
