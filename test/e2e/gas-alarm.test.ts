import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const password = 'correct horse battery staple'
const hour = 3_600_000

/**
 * Issue 7 end to end: a gateway posts a bad reading through the field API while two consoles
 * watch. The banner appears on both without a reload, the board shows the permit suspended, and
 * an acknowledgement on one console shows on the other.
 */
describe.skipIf(!chromiumPath)('a gas alarm from the field', () => {
  let served: ServedConsole
  let browser: Browser
  let api: Api
  let token = ''
  let permitId = 0
  let permitNumber = ''
  let deviceToken = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    api = createApi(transport)
    const admin = await api.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    transport.setToken(admin.token)
    await api.users.setRoles({ userId: admin.user.id, roles: ['administrator', 'supervisor', 'attendant'] })
    token = (await api.auth.login({ username: 'ada', password })).token
    transport.setToken(token)
    const site = await api.sites.save({
      code: 'NORTH',
      name: 'North plant',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
    })
    const space = await api.spaces.create({
      siteId: site.id,
      tag: 'TK-101',
      name: 'Crude tank 101',
      classification: 'permit_required',
    })
    const now = Date.now()
    await api.instruments.save({
      siteId: site.id,
      serial: 'MX4-0042',
      name: 'Tank monitor',
      sensors: ['o2', 'lel', 'h2s', 'co'],
      lastBumpAt: now,
      calibrationDueAt: now + 365 * 24 * hour,
    })
    const permit = await api.permits.create({
      spaceId: space.id,
      purpose: 'Inspect floor welds',
      validFrom: now,
      validTo: now + 8 * hour,
      entrySupervisorId: admin.user.id,
      entrants: [{ name: 'Ana Silva' }],
      hazards: ['H2S'],
      isolationMeasures: [{ measure: 'Lockout', done: true }],
      rescueService: 'Site rescue team',
      rescueContact: 'Radio 3',
      communicationMethod: 'Radio',
      equipment: ['4-gas monitor'],
    })
    permitId = permit.card.id
    permitNumber = permit.card.number
    await api.permits.transition({ permitId, action: 'submit' })
    await api.permits.authorize({ permitId, password })
    const shift = await api.attendants.assign({
      permitId,
      userId: admin.user.id,
      shiftName: 'Day',
      shiftStart: now,
      shiftEnd: now + 8 * hour,
    })
    await api.attendants.setStatus({ assignmentId: shift.id, status: 'on_duty' })
    await api.atmosphere.recordTest({
      permitId,
      kind: 'pre_entry',
      takenAt: Date.now(),
      values: { o2: 20.9, lel: 0, h2s: 0, co: 1 },
      instrument: 'MX4-0042',
      tester: { name: 'Tess' },
    })
    // The attendant is on duty, so the entrant is Ana, a contractor named on the permit.
    await api.entries.recordEntry({ permitId, person: { name: 'Ana Silva' } })
    deviceToken = (await api.devices.create({ name: 'Gateway TK-101', siteId: site.id })).token
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function console(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    await context.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(token)})`)
    const page = await context.newPage()
    await page.goto(`${served.url}/#${path}`)
    return page
  }

  it('raises the banner on every console, suspends the permit on the board, and shares the acknowledgement', async () => {
    const board = await console('/board')
    const other = await console('/spaces')
    const card = board.getByRole('article', { name: new RegExp(`^Permit ${permitNumber}`) })
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true)

    const response = await fetch(`${served.url}/api/rpc/readings.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({
        readings: [{ permitId, monitoredBy: 'MX4-0042', loggedAt: Date.now(), oxygenPercent: 20.9, h2sPpm: 14.5 }],
      }),
    })
    expect(response.status).toBe(200)

    for (const page of [board, other]) {
      const banner = page.getByRole('region', { name: 'Alarms' })
      await expect.poll(() => banner.textContent(), { timeout: 5_000 }).toMatch(/H2S 14\.5 ppm/)
      await expect.poll(() => page.title(), { timeout: 5_000 }).toMatch(/^\(1\) /)
    }
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toMatch(/Suspended/)
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toMatch(/14\.5/)
    await screenshot(board, '20-gas-alarm-board')

    await other.getByRole('button', { name: /^Acknowledge the alarm on TK-101/ }).click()
    await expect
      .poll(() => board.getByRole('button', { name: /^Acknowledge the alarm on TK-101/ }).count(), { timeout: 5_000 })
      .toBe(0)
    const [alarm] = (await api.alarms.list({ permitId })).items
    expect(alarm).toMatchObject({ state: 'active_acknowledged', latched: true, acknowledgedBy: 'Ada Lovelace' })
    await screenshot(board, '21-gas-alarm-acknowledged')
  })
})
