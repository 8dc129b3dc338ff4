import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend()
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('removing the demo site', () => {
  it('takes every demo permit off the board in one step, changes nothing else, and is audited', async () => {
    const real = await s.readyPermit()
    const made = await t.ok('demo.load', {}, s.supervisor.token)
    const before = await t.ok('permits.get', { permitId: real.id }, s.supervisor.token)

    // Administrators only: the supervisor who may load a demo may not remove one.
    expect((await t.call('demo.remove', {}, s.supervisor.token)).ok).toBe(false)
    const removed = await t.ok('demo.remove', {}, s.admin.token)
    expect(removed).toEqual({ siteId: made.siteId, permitsCancelled: 6, spacesRetired: 6, peopleDeactivated: 3 })

    const { cards, peopleInside } = await t.ok('permits.board', {}, s.supervisor.token)
    expect(cards.map((c) => c.id)).toEqual([real.id])
    expect(peopleInside).toBe(0)
    expect(await t.ok('permits.get', { permitId: real.id }, s.supervisor.token)).toEqual(before)
    const { items: users } = await t.ok('users.list', {}, s.admin.token)
    expect(users.filter((u) => u.username.startsWith('demo.')).every((u) => !u.active)).toBe(true)
    expect(users.filter((u) => !u.username.startsWith('demo.')).every((u) => u.active)).toBe(true)
    const { items: spaces } = await t.ok('spaces.list', { includeRetired: true }, s.supervisor.token)
    expect(spaces.filter((sp) => sp.tag.startsWith('DEMO-')).every((sp) => sp.retiredAt !== null)).toBe(true)
    expect(spaces.find((sp) => sp.tag === 'TK-101')?.retiredAt).toBeNull()

    const verified = await t.ok('audit.verify', {}, s.admin.token)
    expect(verified).toMatchObject({ intact: true, firstBroken: null })
    // Removed once; its records are kept, so loading it again is refused in plain words.
    expect((await t.call('demo.remove', {}, s.admin.token)).ok).toBe(false)
    const again = await t.call('demo.load', {}, s.admin.token)
    expect(again.ok ? '' : again.error.message).toContain('was removed')
  })
})
