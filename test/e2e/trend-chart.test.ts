import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium } from './support/browser'
import { signedInContext } from './support/busy-board'
import type { ThemeMode } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { siteOverHttp } from './support/http-site'
import { monthOfReadings, postReadings } from './support/month-of-readings'
import type { MonthOfReadings } from './support/month-of-readings'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'
import { screenSizes, useSize } from './support/viewport-shots'

const password = 'correct horse battery staple'
const serial = 'MX4-0042'
/** Where the month's trend is pictured at each size and theme, to be looked at. */
const shotDir = process.env.TREND_SHOT_DIR ?? path.resolve(__dirname, '../../out/screenshots/trends')

/** The drawn line of a panel's monitors, as SVG path data. */
const lineOf = (figure: Locator) => figure.locator('.trend-line path').first().getAttribute('d')

/**
 * Issue 10 end to end: a month of one permit's readings, posted through the field API, drawn as
 * the Gas page's trend; a reading a gateway posts while the chart is open appears on it without a
 * reload.
 */
describe.skipIf(!chromiumPath)('gas trends in the browser', () => {
  let served: ServedConsole
  let browser: Browser
  let api: Api
  let token = ''
  let permitId = 0
  let deviceToken = ''
  let month: MonthOfReadings

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
      serial,
    })
    const ready = await north.readyPermit('TK-101', 'Ana Silva')
    permitId = ready.permitId
    deviceToken = (await api.devices.create({ name: 'Gateway TK-101', siteId: north.site.id })).token
    month = await monthOfReadings(served.url, deviceToken, { permitId, serial, end: Date.now() - 60_000 })
    await api.entries.recordEntry({ permitId, person: { name: 'Ana Silva' } })
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function chartPage(mode: ThemeMode, size: { width: number; height: number }): Promise<Page> {
    const context = await signedInContext(browser, token, size, mode)
    const page = await context.newPage()
    await page.goto(`${served.url}/#/gas/trends?permit=${String(permitId)}&range=30d`)
    return page
  }

  /** The panel of one gas, once its line is drawn. */
  async function panel(page: Page, name: RegExp): Promise<Locator> {
    const figure = page.getByRole('figure', { name })
    await figure.locator('.trend-line path').first().waitFor({ timeout: 20_000 })
    return figure
  }

  it('draws a month of readings as four aligned panels, the silence as a gap', async () => {
    const page = await chartPage('dark', { width: 1920, height: 1080 })
    const figures = await Promise.all(
      [/^Oxygen/, /^Combustible/, /^Hydrogen sulfide/, /^Carbon monoxide/].map((name) => panel(page, name)),
    )
    for (const figure of figures) {
      const line = (await lineOf(figure)) ?? ''
      // A month at hour rollups: hundreds of points, and one break where the monitor was silent.
      expect(line.split('L').length).toBeGreaterThan(500)
      expect(line.split('M').length - 1).toBe(2)
    }
    // The panels share one time axis: their plots start and end at the same pixels.
    const plots = await Promise.all(figures.map((figure) => figure.locator('.recharts-cartesian-grid').boundingBox()))
    for (const plot of plots) {
      expect(plot?.x).toBe(plots[0]?.x)
      expect(plot?.width).toBe(plots[0]?.width)
    }
    const asked = new URL(page.url()).hash
    expect(asked).toBe(`#/gas/trends?permit=${String(permitId)}&range=30d`)
    expect(month.readings).toBeGreaterThan(20_000)
    await page.context().close()
  })

  it('shows a reading posted through the field API on the open chart without a reload', async () => {
    const page = await chartPage('dark', { width: 1920, height: 1080 })
    const co = await panel(page, /^Carbon monoxide/)
    const before = await lineOf(co)
    // The pointer rests at the chart's right edge: the readout names what the last column holds.
    const box = await co.locator('.recharts-cartesian-grid').boundingBox()
    if (!box) throw new Error('the CO panel has no plot')
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2)
    const readout = page.getByRole('status', { name: 'Values at the pointer' })
    await expect.poll(() => readout.textContent(), { timeout: 5_000 }).toMatch(/CO\d/)
    expect(await readout.textContent()).not.toMatch(/27\.5 ppm/)
    let loads = 0
    page.on('framenavigated', () => loads++)

    await postReadings(served.url, deviceToken, [
      { permitId, monitoredBy: serial, loggedAt: Date.now(), oxygenPercent: 20.9, coPpm: 27.5 },
    ])

    await expect.poll(() => readout.textContent(), { timeout: 10_000 }).toMatch(/to 27\.5 ppm/)
    expect(await lineOf(co)).not.toBe(before)
    expect(loads).toBe(0)
    await page.context().close()
  })

  it('zooms into a window dragged across a panel, and back with Reset zoom', async () => {
    const page = await chartPage('dark', { width: 1920, height: 1080 })
    const oxygen = await panel(page, /^Oxygen/)
    const plot = await oxygen.locator('.recharts-cartesian-grid').boundingBox()
    if (!plot) throw new Error('the O2 panel has no plot')
    const y = plot.y + plot.height / 2
    // From a quarter to half of the month: about a week, in the days before the silence.
    await page.mouse.move(plot.x + plot.width * 0.25, y)
    await page.mouse.down()
    await page.mouse.move(plot.x + plot.width * 0.5, y, { steps: 8 })
    await page.mouse.up()

    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/from=\d+&to=\d+/)
    const zoomed = new URLSearchParams(new URL(page.url()).hash.split('?')[1])
    const span = Number(zoomed.get('to')) - Number(zoomed.get('from'))
    expect(span / 86_400_000).toBeGreaterThan(7)
    expect(span / 86_400_000).toBeLessThan(8)
    // The zoomed window is drawn at a finer resolution, its line still unbroken (the silence is later).
    await expect.poll(async () => ((await lineOf(oxygen)) ?? '').split('M').length - 1, { timeout: 10_000 }).toBe(1)

    await page.getByRole('button', { name: 'Reset zoom' }).click()
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/range=30d$/)
    await expect.poll(async () => ((await lineOf(oxygen)) ?? '').split('M').length - 1, { timeout: 10_000 }).toBe(2)
    await page.context().close()
  })

  it('pictures the month at both sizes in both themes', async () => {
    fs.mkdirSync(shotDir, { recursive: true })
    for (const mode of ['dark', 'light'] as const) {
      const page = await chartPage(mode, screenSizes[0])
      for (const size of screenSizes) {
        await useSize(page, size)
        await panel(page, /^Carbon monoxide/)
        await page
          .getByRole('progressbar')
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined)
        await page.mouse.move(size.width - 200, Math.round(size.height * 0.55))
        await page.waitForTimeout(300)
        await page.screenshot({
          path: path.join(shotDir, `month-${mode}-${String(size.width)}x${String(size.height)}.png`),
        })
      }
      await page.context().close()
    }
  })

  it('shows the permit’s own trend on its page, since it became active', async () => {
    const context = await signedInContext(browser, token, screenSizes[0], 'dark')
    const page = await context.newPage()
    await page.goto(`${served.url}/#/permits/${String(permitId)}`)
    const section = page.getByRole('region', { name: 'Gas trends' })
    const co = section.getByRole('figure', { name: /^Carbon monoxide/ })
    // A reading every two minutes is longer apart than the site's silence limit: dots, not a line.
    await co.locator('.trend-lone-reading').first().waitFor({ timeout: 20_000 })
    // Active for a minute or so: the shortest preset, not the month behind it.
    expect(await section.getByRole('button', { name: 'Last 15 min' }).getAttribute('aria-pressed')).toBe('true')
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(shotDir, 'permit-dark-1920x1080.png') })
    await context.close()
  })
})
