import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { siteOverHttp } from './support/http-site'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const password = 'correct horse battery staple'

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
    const north = await siteOverHttp(api, {
      supervisorId: admin.user.id,
      password,
      code: 'NORTH',
      name: 'North plant',
      serial: 'MX4-0042',
    })
    // The attendant on duty stays outside, so the entrant is Ana, a contractor named on the permit.
    const ready = await north.readyPermit('TK-101', 'Ana Silva', true)
    permitId = ready.permitId
    permitNumber = ready.number
    deviceToken = (await api.devices.create({ name: 'Gateway TK-101', siteId: north.site.id })).token
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
    // Someone is inside: the card leads with the evacuation; the live value is in its details.
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toMatch(/^Evacuate/)
    await screenshot(board, '20-gas-alarm-board')
    await card.getByRole('button', { name: /^Details of permit/ }).click()
    const details = board.getByRole('region', { name: /^Details of permit/ })
    await expect.poll(() => details.textContent(), { timeout: 5_000 }).toMatch(/14\.5/)
    await board.keyboard.press('Escape')
    await details.waitFor({ state: 'detached' })

    await other.getByRole('button', { name: /^Acknowledge the alarm on TK-101/ }).click()
    await expect
      .poll(() => board.getByRole('button', { name: /^Acknowledge the alarm on TK-101/ }).count(), { timeout: 5_000 })
      .toBe(0)
    const [alarm] = (await api.alarms.list({ permitId })).items
    expect(alarm).toMatchObject({ state: 'active_acknowledged', latched: true, acknowledgedBy: 'Ada Lovelace' })
    await screenshot(board, '21-gas-alarm-acknowledged')
  })
})
