import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

/** Issue 7, item 1: tests are taken with instruments of the register, and an unfit one is refused or flagged. */

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

const day = 24 * 3_600_000

function test(permitId: number, instrument: string, kind: 'pre_entry' | 'periodic') {
  return t.call(
    'atmosphere.recordTest',
    {
      permitId,
      kind,
      takenAt: t.clock.now(),
      values: { o2: 20.9, lel: 0, h2s: 0, co: 1 },
      instrument,
      tester: { userId: s.tester.user.id },
    },
    s.tester.token,
  )
}

describe('the instrument register', () => {
  it('is kept by safety officers and administrators, serials unique, audited', async () => {
    const saved = await t.ok(
      'instruments.save',
      {
        siteId: s.site.id,
        serial: 'BW-77',
        name: 'Clip 77',
        sensors: ['h2s'],
        lastBumpAt: t.clock.now(),
        calibrationDueAt: t.clock.now() + day,
      },
      s.tester.token,
    )
    expect(saved).toMatchObject({
      serial: 'BW-77',
      bumpOverdue: false,
      calibrationOverdue: false,
      status: 'in_service',
    })
    const clash = await t.call(
      'instruments.save',
      { siteId: s.site.id, serial: 'BW-77', name: 'Other', sensors: ['co'] },
      s.admin.token,
    )
    expect(clash.ok ? '' : clash.error.code).toBe('CONFLICT')
    const attendant = await t.call(
      'instruments.save',
      { siteId: s.site.id, serial: 'X-1', name: 'X', sensors: ['co'] },
      s.attendant.token,
    )
    expect(attendant.ok ? '' : attendant.error.code).toBe('FORBIDDEN')
    const list = await t.ok('instruments.list', { search: 'clip' }, s.attendant.token)
    expect(list.items.map((i) => i.serial)).toEqual(['BW-77'])
  })

  it('must know the instrument a test names', async () => {
    const ready = await s.readyPermit()
    const result = await test(ready.id, 'NEW-SERIAL-9', 'periodic')
    expect(result.ok ? [] : result.error.unmet?.map((u) => u.code)).toEqual(['instrument_registered'])
  })

  it('refuses a pre-entry test with an overdue instrument, and accepts a periodic one flagged', async () => {
    const ready = await s.readyPermit()
    await t.ok(
      'instruments.save',
      {
        siteId: s.site.id,
        serial: 'OLD-1',
        name: 'Old monitor',
        sensors: ['o2', 'lel', 'h2s', 'co'],
        lastBumpAt: t.clock.now() - 2 * day,
        calibrationDueAt: t.clock.now() - 1,
      },
      s.admin.token,
    )
    const preEntry = await test(ready.id, 'OLD-1', 'pre_entry')
    expect(preEntry.ok ? [] : preEntry.error.unmet).toEqual([
      {
        code: 'instrument_ready',
        message:
          'OLD-1 cannot take a pre-entry test: its last bump test is more than 24 hours old and its calibration is overdue.',
      },
    ])
    const periodic = await test(ready.id, 'OLD-1', 'periodic')
    expect(periodic.ok ? periodic.value.flagged : []).toEqual([
      'OLD-1: its last bump test is more than 24 hours old',
      'OLD-1: its calibration is overdue',
    ])
  })
})
