import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium, screenshot } from './support/browser'
import { signedInContext } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { siteOverHttp } from './support/http-site'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const password = 'correct horse battery staple'
const serial = 'MX4-0042'
const rows = 12_000

/** axe-core's serious and critical findings on the page as it is. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/**
 * Issue 10, item 5 in a real browser (browser mode over HTTP): a datalog file chosen on the Gas
 * page's Import tab is parsed by papaparse in chunks, hashed by WebCrypto, sent in chunks that fit
 * the HTTP body limit, checked and stored; the same file chosen again stores nothing and says so.
 */
describe.skipIf(!chromiumPath)('datalog import in the browser', () => {
  let served: ServedConsole
  let browser: Browser
  let api: Api
  let token = ''
  let permitNumber = ''
  let csv = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    api = createApi(transport)
    const admin = await api.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    transport.setToken(admin.token)
    await api.users.setRoles({
      userId: admin.user.id,
      roles: ['administrator', 'supervisor', 'attendant', 'safety_officer'],
    })
    token = (await api.auth.login({ username: 'ada', password })).token
    transport.setToken(token)
    const north = await siteOverHttp(api, {
      supervisorId: admin.user.id,
      password,
      code: 'NORTH',
      name: 'North',
      serial,
    })
    const ready = await north.readyPermit('TK-101', 'Ana Silva')
    permitNumber = ready.number
    const serials = [serial, 'MX4-0043', 'MX4-0044', 'MX4-0045']
    for (const other of serials.slice(1))
      await api.instruments.save({
        siteId: north.site.id,
        serial: other,
        model: 'MX4 4-gas',
        name: 'Portable monitor',
        sensors: ['o2', 'lel', 'h2s', 'co'],
        lastBumpAt: Date.now(),
        calibrationDueAt: Date.now() + 365 * 86_400_000,
      })
    // The permit's life starts when it was drafted (a moment ago): four monitors logging every
    // millisecond from then on, one H2S breach.
    const from = Date.now() + 1
    const lines = Array.from({ length: rows }, (_, i) => {
      const at = new Date(from + Math.floor(i / serials.length)).toISOString()
      return `${at},${serials[i % serials.length] ?? serial},20.9,0,${i === 500 ? '12' : '0'},1`
    })
    csv = ['Date/Time,SN,O2 (%VOL),LEL (%LEL),H2S (PPM),CO (PPM)', ...lines].join('\n')
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('imports a file chosen on the Import tab, and stores nothing the second time', async () => {
    const context = await signedInContext(browser, token, { width: 1600, height: 1000 }, 'light')
    const page = await context.newPage()
    await page.goto(`${served.url}/#/gas/import`)
    const file = { name: 'MX4-0042.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }
    await page.getByLabel('Datalog file').setInputFiles(file)
    await expect.poll(() => page.getByRole('combobox', { name: 'Time' }).textContent()).toBe('Date/Time')
    expect(await violations(page)).toEqual([])
    await page.getByRole('combobox', { name: 'Permit of every reading' }).fill(permitNumber)
    await page.getByRole('option', { name: new RegExp(permitNumber) }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText(`${rows.toLocaleString()} readings stored from MX4-0042.csv`).waitFor({ timeout: 60_000 })
    await expect
      .poll(() => page.getByRole('table', { name: 'Breaches found in the file' }).textContent())
      .toContain('H2S')
    await screenshot(page, 'datalog-import-done')
    expect(await violations(page)).toEqual([])

    await page.getByRole('button', { name: 'Start again' }).click()
    await page.getByLabel('Datalog file').setInputFiles(file)
    await page.getByRole('combobox', { name: 'Permit of every reading' }).fill(permitNumber)
    await page.getByRole('option', { name: new RegExp(permitNumber) }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText(/This file was imported on .+ by Ada Lovelace .+: nothing stored\./).waitFor()
    await context.close()
  }, 120_000)
})
