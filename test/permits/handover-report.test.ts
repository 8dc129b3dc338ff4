import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, confinedSpaceSite } from '../support/scenario'

const hour = 3_600_000
let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend()
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('the shift handover report', () => {
  it('lists permits expiring next shift soonest first', async () => {
    const later = await s.readyPermit({ validTo: t.clock.now() + 6 * hour })
    const sooner = await s.readyPermit({ validTo: t.clock.now() + 2 * hour })
    await s.readyPermit({ validTo: t.clock.now() + 20 * hour })
    const draft = await t.ok('handover.draft', { shiftHours: 8 }, s.supervisor.token)
    expect(draft.expiringNextShift.map((p) => p.permitId)).toEqual([sooner.id, later.id])
  })

  it('names each alarm by its space as well as its permit', async () => {
    const bad = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: bad.id, person: ana }, s.attendant.token)
    await s.recordTest(bad.id, { o2: 19.0, lel: 0, h2s: 0, co: 0 })
    const draft = await t.ok('handover.draft', { shiftHours: 8 }, s.supervisor.token)
    expect(draft.openAlarms[0]).toMatchObject({
      permitNumber: bad.number,
      spaceTag: 'TK-101',
      spaceName: 'Crude tank 101',
    })
  })

  it('lists permits pending authorization: number, space, who prepared it and since when', async () => {
    const draft = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    t.clock.advance(10 * 60_000)
    await t.ok('permits.transition', { permitId: draft.card.id, action: 'submit' }, s.supervisor.token)
    const submittedAt = t.clock.now()
    t.clock.advance(60_000)
    const report = await t.ok('handover.draft', { shiftHours: 8 }, s.supervisor.token)
    expect(report.pendingAuthorization).toEqual([
      {
        permitId: draft.card.id,
        permitNumber: draft.card.number,
        spaceTag: 'TK-101',
        spaceName: 'Crude tank 101',
        preparedBy: 'sue',
        since: submittedAt,
      },
    ])
  })

  it('keeps the signed report as it was: the list shows the snapshot, not the live state', async () => {
    const ready = await s.readyPermit()
    const signed = await t.ok(
      'handover.sign',
      { shiftHours: 8, password: 'a long enough passphrase' },
      s.supervisor.token,
    )
    await t.ok('permits.transition', { permitId: ready.id, action: 'cancel', reason: 'Not needed' }, s.supervisor.token)
    const [listed] = await t.ok('handover.list', {}, s.supervisor.token)
    expect(listed?.report).toEqual(signed.report)
    expect(listed?.report.activePermits.map((p) => p.id)).toEqual([ready.id])
  })
})
