import type { ProcedureInput } from '../../src/shared/contract/procedures'
import type { TestBackend } from './test-backend'
import { adminAccount, testPassword } from './test-backend'

const minute = 60_000
const hour = 60 * minute

/**
 * A site with a supervisor, an attendant and a permit-required space, ready for permits.
 * Everything goes through dispatch(), as a person would do it.
 */
export async function confinedSpaceSite(t: TestBackend) {
  const admin = await t.setupAdmin()
  const supervisor = await t.userWithRoles(admin.token, 'sue', ['supervisor'])
  const attendant = await t.userWithRoles(admin.token, 'art', ['attendant'])
  const tester = await t.userWithRoles(admin.token, 'tess', ['safety_officer'])
  const site = await t.ok(
    'sites.save',
    { code: 'NORTH', name: 'North plant', limitProfile: 'factory', maxTestAgeMinutes: 30 },
    admin.token,
  )
  /** A site's monitor, bump-tested now and calibrated for a year; tests on that site's permits use it. */
  const monitorOfSite = new Map<number, string>()
  async function registerInstrument(siteId: number, serial: string) {
    const registered = await t.ok(
      'instruments.save',
      {
        siteId,
        serial,
        model: 'MX4 4-gas',
        name: `Portable monitor ${serial}`,
        sensors: ['o2', 'lel', 'h2s', 'co'],
        lastBumpAt: t.clock.now(),
        calibrationDueAt: t.clock.now() + 365 * 24 * hour,
      },
      admin.token,
    )
    monitorOfSite.set(siteId, serial)
    return registered
  }
  const instrument = await registerInstrument(site.id, 'MX4')
  const space = await t.ok(
    'spaces.create',
    {
      siteId: site.id,
      tag: 'TK-101',
      name: 'Crude tank 101',
      location: 'Tank farm',
      hazardNotes: 'Sludge',
      classification: 'permit_required',
    },
    supervisor.token,
  )

  function permitFields(overrides: Partial<ProcedureInput<'permits.create'>> = {}): ProcedureInput<'permits.create'> {
    const now = t.clock.now()
    return {
      spaceId: space.id,
      purpose: 'Inspect floor welds',
      validFrom: now,
      validTo: now + 8 * hour,
      entrySupervisorId: supervisor.user.id,
      entrants: [{ name: 'Ana Silva' }, { name: 'Ben Carter' }, { userId: attendant.user.id }],
      hazards: ['Oxygen deficiency', 'H2S'],
      isolationMeasures: [{ measure: 'Lockout pumps', done: true }],
      rescueService: 'Site rescue team',
      rescueContact: 'Radio channel 3',
      communicationMethod: 'Radio',
      equipment: ['4-gas monitor', 'Harness'],
      otherSafetyInfo: '',
      relatedPermits: ['HW-7'],
      ...overrides,
    }
  }

  /** A permit taken all the way to authorized, with an attendant on duty and a passing test. */
  async function readyPermit(overrides: Partial<ProcedureInput<'permits.create'>> = {}) {
    const draft = await t.ok('permits.create', permitFields(overrides), supervisor.token)
    const id = draft.card.id
    await t.ok('permits.transition', { permitId: id, action: 'submit' }, supervisor.token)
    await t.ok('permits.authorize', { permitId: id, password: testPassword }, supervisor.token)
    const shift = await t.ok(
      'attendants.assign',
      {
        permitId: id,
        userId: attendant.user.id,
        shiftName: 'Day',
        shiftStart: t.clock.now() - hour,
        shiftEnd: t.clock.now() + 10 * hour,
      },
      supervisor.token,
    )
    await t.ok('attendants.setStatus', { assignmentId: shift.id, status: 'on_duty' }, attendant.token)
    await recordTest(id)
    return { id, number: draft.card.number, assignmentId: shift.id }
  }

  async function recordTest(permitId: number, values = { o2: 20.9, lel: 0, h2s: 0, co: 1 }) {
    const { card } = await t.ok('permits.get', { permitId }, supervisor.token)
    if (!monitorOfSite.has(card.siteId)) await registerInstrument(card.siteId, `MX4-${String(card.siteId)}`)
    return t.ok(
      'atmosphere.recordTest',
      {
        permitId,
        kind: 'pre_entry',
        takenAt: t.clock.now(),
        values,
        instrument: monitorOfSite.get(card.siteId) ?? 'MX4',
        tester: { userId: tester.user.id },
      },
      tester.token,
    )
  }

  return {
    admin,
    supervisor,
    attendant,
    tester,
    site,
    space,
    instrument,
    registerInstrument,
    permitFields,
    readyPermit,
    recordTest,
    adminPassword: adminAccount.password,
  }
}

export const ana = { name: 'Ana Silva' }
export const ben = { name: 'Ben Carter' }
