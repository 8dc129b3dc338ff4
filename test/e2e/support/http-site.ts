import type { Api } from '../../../src/shared/client/api'

const hour = 3_600_000

/**
 * A site set up over the HTTP API as a person would: a registered monitor (bump-tested now,
 * calibrated for a year), and permits made ready for entry one by one: authorized by the signed-in
 * supervisor, who is also the attendant on duty, with a passing pre-entry test.
 */
export async function siteOverHttp(
  api: Api,
  options: { supervisorId: number; password: string; code: string; name: string; serial: string },
) {
  const site = await api.sites.save({
    code: options.code,
    name: options.name,
    limitProfile: 'factory',
    maxTestAgeMinutes: 240,
  })
  const now = Date.now()
  await api.instruments.save({
    siteId: site.id,
    serial: options.serial,
    model: 'MX4 4-gas',
    name: 'Portable monitor',
    sensors: ['o2', 'lel', 'h2s', 'co'],
    lastBumpAt: now,
    calibrationDueAt: now + 365 * 24 * hour,
  })

  /** A permit on a space of its own, ready for entry; with `inside`, that entrant has gone in. */
  async function readyPermit(tag: string, entrant: string, inside = false) {
    const space = await api.spaces.create({
      siteId: site.id,
      tag,
      name: `Space ${tag}`,
      classification: 'permit_required',
    })
    const start = Date.now()
    const draft = await api.permits.create({
      spaceId: space.id,
      purpose: 'Inspect floor welds',
      validFrom: start,
      validTo: start + 8 * hour,
      entrySupervisorId: options.supervisorId,
      entrants: [{ name: entrant }],
      hazards: ['H2S'],
      isolationMeasures: [],
      rescueService: 'Site rescue team',
      rescueContact: 'Radio 3',
      communicationMethod: 'Radio',
      equipment: ['4-gas monitor'],
    })
    const permitId = draft.card.id
    await api.permits.transition({ permitId, action: 'submit' })
    await api.permits.authorize({ permitId, password: options.password })
    const shift = await api.attendants.assign({
      permitId,
      userId: options.supervisorId,
      shiftName: 'Day',
      shiftStart: start,
      shiftEnd: start + 8 * hour,
    })
    await api.attendants.setStatus({ assignmentId: shift.id, status: 'on_duty' })
    await api.atmosphere.recordTest({
      permitId,
      kind: 'pre_entry',
      takenAt: Date.now(),
      values: { o2: 20.9, lel: 0, h2s: 0, co: 1 },
      instrument: options.serial,
      tester: { name: 'Tess' },
    })
    if (inside) await api.entries.recordEntry({ permitId, person: { name: entrant } })
    return { permitId, number: draft.card.number }
  }

  return { site, readyPermit }
}
