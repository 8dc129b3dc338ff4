import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PersonExposureDto } from '../../src/shared/contract/exposure'
import { ben } from '../support/scenario'
import { longSessions, makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { exposureSite, hour } from './exposure-site'

/**
 * Issue 10, item 4: a worker's 8 h TWA and 15 min STEL from the readings of the spaces they were
 * inside, through dispatch() on a real database, against values computed by hand in each test.
 */

let t: TestBackend
let x: Awaited<ReturnType<typeof exposureSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  x = await exposureSite(t)
})
afterEach(() => t.dispose())

const anaKey = 'name:ana silva'
const exposureOf = (personKey = anaKey) => t.ok('exposure.person', { personKey }, x.tester.token)
const gasOf = (exposure: PersonExposureDto, shift: number, gas: 'h2s' | 'co') => {
  const found = exposure.shifts[shift]?.gases.find((figures) => figures.gas === gas)
  if (!found) throw new Error(`no ${gas} in shift ${String(shift)}`)
  return found
}

describe('a worker’s exposure', () => {
  it('constant exposure: 4 hours at 5 ppm H2S and 20 ppm CO', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(240))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(240), () => ({ h2s: 5, co: 20 }))
    const exposure = await exposureOf()
    expect(exposure.shifts).toHaveLength(1)
    // H2S: 240 x 5 / 480 = 2.5; CO: 240 x 20 / 480 = 10.
    expect(gasOf(exposure, 0, 'h2s')).toMatchObject({ twa: 2.5, stel: 5, minutesWithoutReadings: 0 })
    expect(gasOf(exposure, 0, 'co')).toMatchObject({ twa: 10, stel: 20, twaExceeded: false })
    expect(gasOf(exposure, 0, 'co').limits).toEqual({ twa: 35, stel: 200 })
    expect(exposure.shifts[0]).toMatchObject({
      startsAt: x.at(0),
      lastExitAt: x.at(240),
      minutesInside: 240,
      ongoing: false,
      exceeded: false,
      limitProfiles: ['Factory default'],
    })
    expect(exposure.shifts[0]?.stays).toEqual([
      expect.objectContaining({ permitNumber: permit.number, spaceTag: 'TK-101', entryAt: x.at(0), exitAt: x.at(240) }),
    ])
    expect(exposure.personName).toBe('Ana Silva')
    expect(exposure.method).toContain('÷ 480')
  })

  it('a 15-minute peak: the STEL is the peak and is flagged above the limit, the TWA is not', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(60))
    const peak = (when: number) => when >= x.at(20) && when < x.at(35)
    await x.feed(permit.id, 'MX4', x.at(0), x.at(60), (when) => ({ h2s: peak(when) ? 18 : 2 }))
    const h2s = gasOf(await exposureOf(), 0, 'h2s')
    // (45 x 2 + 15 x 18) / 480 = 0.75; STEL 18 against the factory profile's 15.
    expect(h2s).toMatchObject({ twa: 0.75, stel: 18, stelFrom: x.at(20), stelExceeded: true, twaExceeded: false })
    expect(h2s.peak).toEqual({ minuteStart: x.at(20), value: 18 })
    const flagged = await t.ok('exposure.exceedances', { siteId: x.site.id }, x.tester.token)
    expect(flagged).toEqual([
      expect.objectContaining({
        personKey: anaKey,
        personName: 'Ana Silva',
        shiftStartsAt: x.at(0),
        exceeded: [{ gas: 'h2s', measure: 'stel', value: 18, limit: 15 }],
      }),
    ])
  })

  it('gaps: minutes inside without readings count zero in the TWA and are counted', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(60))
    const silent = (when: number) => when >= x.at(30) && when < x.at(42)
    await x.feed(permit.id, 'MX4', x.at(0), x.at(60), (when) => (silent(when) ? null : { co: 24 }))
    const exposure = await exposureOf()
    // 48 minutes at 24 ppm: 48 x 24 / 480 = 2.4, and 12 minutes unknown.
    expect(gasOf(exposure, 0, 'co')).toMatchObject({ twa: 2.4, stel: 24, minutesWithoutReadings: 12 })
    // The monitor sent no H2S at all: every minute inside is without an H2S reading.
    expect(gasOf(exposure, 0, 'h2s')).toMatchObject({ twa: 0, minutesWithoutReadings: 60, peak: null })
  })

  it('two spaces in one shift: both stays count, each with its own permit’s monitor', async () => {
    const first = await x.permit()
    const second = await x.permit('TK-102')
    await x.monitor('MX4-B')
    await x.enter(first.id, x.at(0))
    await x.exit(first.id, x.at(30))
    await x.enter(second.id, x.at(30))
    await x.exit(second.id, x.at(60))
    // Each monitor reads all along; only the readings of the space she was in count.
    await x.feed(first.id, 'MX4', x.at(0), x.at(60), () => ({ h2s: 4 }))
    await x.feed(second.id, 'MX4-B', x.at(0), x.at(60), () => ({ h2s: 8 }))
    const exposure = await exposureOf()
    // (30 x 4 + 30 x 8) / 480 = 0.75; STEL 8 (any 15 minutes in the second space).
    expect(gasOf(exposure, 0, 'h2s')).toMatchObject({ twa: 0.75, stel: 8, stelFrom: x.at(30) })
    expect(exposure.shifts[0]?.stays.map((stay) => stay.spaceTag)).toEqual(['TK-101', 'TK-102'])
    expect(exposure.shifts[0]?.minutesInside).toBe(60)
  })

  it('re-entry after a break within 8 hours is the same shift; an entry after the 8 hours starts the next', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(60))
    await x.enter(permit.id, x.at(300))
    await x.exit(permit.id, x.at(360))
    await x.enter(permit.id, x.at(500))
    await x.exit(permit.id, x.at(530))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(530), () => ({ co: 30 }), 20_000)
    const exposure = await exposureOf()
    // Newest first. The first shift: 2 x 60 minutes at 30 ppm = 3600 / 480 = 7.5. The second: 30 x 30 / 480.
    expect(exposure.shifts.map((shift) => [shift.startsAt, shift.stays.length, shift.minutesInside])).toEqual([
      [x.at(500), 1, 30],
      [x.at(0), 2, 120],
    ])
    expect(gasOf(exposure, 1, 'co')).toMatchObject({ twa: 7.5, stel: 30 })
    expect(gasOf(exposure, 0, 'co')).toMatchObject({ twa: 1.875, stel: 30 })
  })

  it('readings taken while the person was outside are left out', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(10))
    await x.exit(permit.id, x.at(40))
    await x.enter(permit.id, x.at(90))
    await x.exit(permit.id, x.at(120))
    // 6 ppm while she is inside, 60 ppm before, between and after.
    const inside = (when: number) => (when >= x.at(10) && when < x.at(40)) || (when >= x.at(90) && when < x.at(120))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(150), (when) => ({ co: inside(when) ? 6 : 60 }))
    const co = gasOf(await exposureOf(), 0, 'co')
    // 60 minutes at 6 ppm: 360 / 480 = 0.75.
    expect(co).toMatchObject({ twa: 0.75, stel: 6, minutesWithoutReadings: 0 })
    expect(co.peak?.value).toBe(6)
  })

  it('partial minutes at entry and exit: readings inside only, weighted by the fraction of the minute inside', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0, 40))
    await x.exit(permit.id, x.at(2, 20))
    const readings = [
      [x.at(0, 10), 90], // before the entry
      [x.at(0, 40), 30], // at the entry: counts
      [x.at(0, 55), 30],
      ...[0, 10, 20, 30, 40, 50].map((s) => [x.at(1, s), 12]),
      [x.at(2, 5), 6],
      [x.at(2, 15), 12],
      [x.at(2, 20), 90], // at the exit: she is out
      [x.at(2, 30), 90],
    ] as const
    await x.post(readings.map(([when, h2s]) => x.reading(permit.id, 'MX4', when, { h2s })))
    const exposure = await exposureOf()
    // 30 x 1/3 + 12 + 9 x 1/3 = 25 ppm-minutes: TWA 25 / 480, STEL 25 / 15; 1 2/3 minutes inside.
    expect(gasOf(exposure, 0, 'h2s')).toMatchObject({ twa: 0.052, stel: 1.667, minutesWithoutReadings: 0 })
    expect(gasOf(exposure, 0, 'h2s').peak).toEqual({ minuteStart: x.at(1), value: 12 })
    expect(exposure.shifts[0]?.minutesInside).toBe(1.667)

    // Once retention has removed the readings, only the minute rollups are left: the entry's and
    // the exit's minutes count their whole minute's average for the time inside.
    const db = new Database(t.backend.databaseFile)
    db.prepare('delete from monitor_readings where permit_id = ?').run(permit.id)
    db.close()
    // (90 + 30 + 30) / 3 x 1/3 + 12 + (6 + 12 + 90 + 90) / 4 x 1/3 = 45.167 ppm-minutes.
    expect(gasOf(await exposureOf(), 0, 'h2s')).toMatchObject({ twa: 0.094, stel: 3.011, minutesWithoutReadings: 0 })
  })

  it('two monitors on one permit: each minute takes the worse', async () => {
    const permit = await x.permit()
    await x.monitor('MX4-B')
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(20))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(20), () => ({ co: 10 }))
    await x.feed(permit.id, 'MX4-B', x.at(0), x.at(20), (when) => ({ co: when < x.at(10) ? 16 : 4 }))
    // 10 x 16 + 10 x 10 = 260 ppm-minutes: TWA 0.542; the best 15 minutes: (10 x 16 + 5 x 10) / 15 = 14.
    expect(gasOf(await exposureOf(), 0, 'co')).toMatchObject({ twa: 0.542, stel: 14 })
  })

  it('an exit logged by mistake and corrected: the stay is one, counted whole', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    const mistaken = await x.exit(permit.id, x.at(10))
    await t.ok(
      'entries.correctExit',
      { permitId: permit.id, exitId: mistaken.id, reason: 'Logged the wrong person' },
      x.attendant.token,
    )
    await x.exit(permit.id, x.at(40))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(40), () => ({ co: 12 }))
    const exposure = await exposureOf()
    expect(exposure.shifts[0]?.stays).toHaveLength(1)
    // 40 x 12 / 480 = 1.
    expect(gasOf(exposure, 0, 'co')).toMatchObject({ twa: 1 })
  })

  it('someone still inside is counted up to now, marked ongoing', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(48), () => ({ co: 20 }))
    x.moveTo(x.at(48))
    const exposure = await exposureOf()
    expect(exposure.shifts[0]).toMatchObject({ ongoing: true, lastExitAt: x.at(48), minutesInside: 48 })
    expect(gasOf(exposure, 0, 'co')).toMatchObject({ twa: 2 })
  })

  it('looks at the last 7 days unless told otherwise', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(30))
    await x.feed(permit.id, 'MX4', x.at(0), x.at(30), () => ({ co: 16 }))
    x.moveTo(x.at(8 * 24 * 60))
    // Sessions end after 7 idle days: the safety officer signs in again.
    const tess = await t.ok('auth.login', { username: 'tess', password: testPassword })
    expect((await t.ok('exposure.person', { personKey: anaKey }, tess.token)).shifts).toEqual([])
    const asked = await t.ok('exposure.person', { personKey: anaKey, from: x.at(-60), to: x.at(60) }, tess.token)
    expect(asked.shifts).toHaveLength(1)
    expect(gasOf(asked, 0, 'co').twa).toBe(1)
  })
})

describe('who may read exposure', () => {
  it('an entrant reads their own and nobody else’s; an attendant none; safety officers and auditors anyone’s', async () => {
    const eve = await t.userWithRoles(x.admin.token, 'eve', ['entrant'])
    const auditor = await t.userWithRoles(x.admin.token, 'aud', ['auditor'])
    const own = await t.call('exposure.person', { personKey: `user:${String(eve.user.id)}` }, eve.token)
    expect(own.ok).toBe(true)
    const other = await t.call('exposure.person', { personKey: anaKey }, eve.token)
    expect(other.ok ? null : other.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can see only your own exposure.',
    })
    const attendant = await t.call('exposure.person', { personKey: anaKey }, x.attendant.token)
    expect(attendant.ok ? null : attendant.error.code).toBe('FORBIDDEN')
    expect((await t.call('exposure.exceedances', {}, eve.token)).ok).toBe(false)
    expect((await t.call('exposure.person', { personKey: `user:${String(eve.user.id)}` }, auditor.token)).ok).toBe(true)
    expect((await t.call('exposure.exceedances', {}, auditor.token)).ok).toBe(true)
  })

  it('refuses a key that is no person, a window that ends before it starts, and someone unknown', async () => {
    const badKey = await t.call('exposure.person', { personKey: 'ana' }, x.tester.token)
    expect(badKey.ok ? null : badKey.error.issues).toEqual([
      expect.objectContaining({
        field: 'personKey',
        message: 'must be user:<id> or name:<name>, as the entry log keys people',
      }),
    ])
    const backwards = await t.call(
      'exposure.person',
      { personKey: anaKey, from: x.at(60), to: x.at(0) },
      x.tester.token,
    )
    expect(backwards.ok ? null : backwards.error.issues).toEqual([
      expect.objectContaining({ field: 'from', message: 'must be before to' }),
    ])
    const unknown = await t.call('exposure.person', { personKey: 'name:nobody' }, x.tester.token)
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND')
  })
})

describe('exceedances', () => {
  it('list each shift over a limit at a site or everywhere, and the handover report names them', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.enter(permit.id, x.at(1), ben)
    await x.exit(permit.id, x.at(16))
    await x.exit(permit.id, x.at(16), ben)
    // Both breathe 16 ppm H2S for 15 minutes or more: a STEL of 16, above the factory profile's 15.
    await x.feed(permit.id, 'MX4', x.at(0), x.at(16), () => ({ h2s: 16 }))
    const report = await t.ok('handover.draft', { siteId: x.site.id }, x.supervisor.token)
    expect(report.exposureExceedances.map((row) => row.personName)).toEqual(['Ben Carter', 'Ana Silva'])
    // Nine hours later Ana works a shift at another site, within every limit.
    const south = await t.ok(
      'sites.save',
      { code: 'SOUTH', name: 'South', limitProfile: 'factory', maxTestAgeMinutes: 30 },
      x.admin.token,
    )
    const southSpace = await t.ok(
      'spaces.create',
      { siteId: south.id, tag: 'PIT-1', name: 'Pump pit', classification: 'permit_required' },
      x.supervisor.token,
    )
    x.moveTo(x.at(9 * 60))
    const southPermit = await x.readyPermit({ spaceId: southSpace.id })
    await x.enter(southPermit.id, x.at(9 * 60 + 5))
    await x.exit(southPermit.id, x.at(9 * 60 + 35))
    const everywhere = await t.ok('exposure.exceedances', {}, x.tester.token)
    expect(everywhere.map((row) => [row.personName, row.exceeded.map((e) => `${e.gas} ${e.measure}`)])).toEqual([
      ['Ben Carter', ['h2s stel']],
      ['Ana Silva', ['h2s stel']],
    ])
    expect(everywhere[1]?.stays.map((stay) => stay.spaceTag)).toEqual(['TK-101'])
    expect(await t.ok('exposure.exceedances', { siteId: x.site.id }, x.tester.token)).toHaveLength(2)
    expect(await t.ok('exposure.exceedances', { siteId: south.id }, x.tester.token)).toEqual([])
    // The next handover, 13 hours after those stays, does not carry them.
    x.moveTo(x.at(16) + 13 * hour)
    const nextShift = await t.ok('handover.draft', { siteId: x.site.id }, x.supervisor.token)
    expect(nextShift.exposureExceedances).toEqual([])
  })
})
