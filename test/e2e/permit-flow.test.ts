import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const password = 'correct horse battery staple'

/** A signed-in page: the token goes where browser mode keeps it, as after a sign-in. */
async function signedInPage(browser: Browser, url: string, token: string, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  await context.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(token)})`)
  const page = await context.newPage()
  await page.goto(`${url}/${hash}`)
  return page
}

const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 10_000 })

describe.skipIf(!chromiumPath)('a supervisor takes a permit from draft to closed while the board watches', () => {
  let served: ServedConsole
  let browser: Browser
  let token = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    // Accounts are set-up, not the subject here: the first administrator also supervises and attends.
    const transport = createHttpTransport(served.url)
    const api = createApi(transport)
    const admin = await api.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    transport.setToken(admin.token)
    await api.users.setRoles({
      userId: admin.user.id,
      roles: ['administrator', 'supervisor', 'attendant', 'safety_officer'],
    })
    const site = await api.sites.save({
      code: 'NORTH',
      name: 'North plant',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
    })
    // The site's monitor, in the register: bump-tested today, calibrated for a year.
    await api.instruments.save({
      siteId: site.id,
      serial: 'MX4-SN-1',
      name: 'Portable monitor 1',
      sensors: ['o2', 'lel', 'h2s', 'co'],
      lastBumpAt: Date.now(),
      calibrationDueAt: Date.now() + 365 * 24 * 3_600_000,
    })
    token = admin.token
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('works end to end, and a second page sees the board change without reloading', async () => {
    const page = await signedInPage(browser, served.url, token, '#/spaces')
    const board = await signedInPage(browser, served.url, token, '#/board')
    await board.evaluate(`window.neverReloaded = true`)

    // A space.
    await page.getByRole('button', { name: 'New space' }).click()
    const spaceDialog = page.getByRole('dialog', { name: 'New space' })
    await spaceDialog.getByLabel(/^Tag/).fill('TK-101')
    await spaceDialog.getByLabel(/^Name/).fill('Crude tank 101')
    await spaceDialog.getByLabel(/^Location/).fill('Tank farm, bay A')
    await expect.poll(() => spaceDialog.getByRole('combobox', { name: /^Site/ }).textContent()).toContain('North plant')
    await spaceDialog.getByRole('button', { name: 'Create space' }).click()
    await expect.poll(() => page.getByRole('table', { name: 'Spaces' }).getByText('TK-101').isVisible()).toBe(true)

    // A permit with its (f) fields.
    await page.goto(`${served.url}/#/permits/new`)
    await page.getByRole('combobox', { name: 'Space' }).click()
    await page.getByRole('option', { name: /TK-101/ }).click()
    await page.getByLabel(/^Purpose of entry/).fill('Inspect floor welds')
    const chip = async (label: string, value: string) => {
      const input = page.getByRole('combobox', { name: label })
      await input.fill(value)
      await input.press('Enter')
    }
    await chip('Authorized entrants', 'Ana Silva')
    await chip('Hazards', 'Hydrogen sulfide')
    await chip('Equipment', '4-gas monitor')
    await page.getByRole('button', { name: 'Add measure' }).click()
    await page.getByLabel('Measure 1', { exact: true }).fill('Lock out feed pumps')
    await page.getByRole('checkbox', { name: 'Measure 1 done' }).check()
    await page.getByLabel(/^Rescue service/).fill('Site rescue team')
    await page.getByLabel(/^How to summon rescue/).fill('Radio channel 3')
    await page.getByLabel(/^Communication method/).fill('Radio and voice')
    await screenshot(page, '10-permit-form')
    await page.getByRole('button', { name: 'Create permit' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: /^Permit CSE-NORTH-\d{4}-0001$/ }).isVisible(), { timeout: 10_000 })
      .toBe(true)
    const permitNumber = ((await page.getByRole('heading', { name: /^Permit CSE/ }).textContent()) ?? '').replace(
      'Permit ',
      '',
    )

    // The board on the other page shows the new permit by itself.
    const card = board.getByRole('article', { name: new RegExp(`^Permit ${permitNumber}`) })
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true)

    // Submit and sign.
    await page.getByRole('button', { name: 'Submit', exact: true }).click()
    await page.getByRole('dialog', { name: 'Submit for authorization' }).getByRole('button', { name: 'Submit' }).click()
    await page.getByRole('button', { name: 'Authorize' }).click()
    const sign = page.getByRole('dialog', { name: `Authorize permit ${permitNumber}` })
    await sign.getByLabel(/^Password/).fill(password)
    await sign.getByRole('button', { name: 'Sign and authorize' }).click()
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('Authorized')

    // An entry is refused, naming what is missing.
    await page.getByRole('combobox', { name: 'Entrant' }).click()
    await page.getByRole('option', { name: 'Ana Silva' }).click()
    await page.getByRole('button', { name: 'Log entry' }).click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Unmet conditions' }).textContent(), { timeout: 5_000 })
      .toMatch(/attendant/i)
    await screenshot(page, '11-entry-refused')

    // Attendant on duty and a passing test, oxygen first.
    await page.getByRole('button', { name: 'Assign attendant' }).click()
    const assign = page.getByRole('dialog', { name: `Assign attendant to ${permitNumber}` })
    await assign.getByRole('combobox', { name: /^Attendant/ }).click()
    await page.getByRole('option', { name: /Ada Lovelace/ }).click()
    await assign.getByLabel(/^Shift name/).fill('Day')
    await assign.getByRole('button', { name: 'Assign attendant' }).click()
    await page.getByRole('button', { name: /^On duty: / }).click()
    const test = page
      .getByRole('form', { name: 'Record test' })
      .or(page.getByRole('region', { name: 'Atmospheric tests' }))
    await test.first().getByLabel(/^O2/).fill('19.4')
    await visible(page, /FAIL/)
    await test.first().getByLabel(/^O2/).fill('20.9')
    await test.first().getByLabel(/^LEL/).fill('0')
    await test.first().getByLabel(/^H2S/).fill('0')
    await test.first().getByLabel(/^CO/).fill('2')
    await test
      .first()
      .getByRole('combobox', { name: /^Instrument/ })
      .fill('MX4')
    await page.getByRole('option', { name: /^MX4-SN-1 — Portable monitor 1/ }).click()
    await page.getByRole('button', { name: 'Record test' }).click()
    await expect
      .poll(() => page.getByRole('table', { name: 'Atmospheric tests' }).textContent(), { timeout: 5_000 })
      .toContain('MX4-SN-1')

    // Entry accepted: the board's card shows Ana inside, live.
    await page.getByRole('combobox', { name: 'Entrant' }).click()
    await page.getByRole('option', { name: 'Ana Silva' }).click()
    await page.getByRole('button', { name: 'Log entry' }).click()
    await expect
      .poll(() => card.getByRole('list', { name: 'People inside' }).textContent(), { timeout: 5_000 })
      .toContain('Ana Silva')
    await screenshot(board, '12-board-live-entry')
    await screenshot(page, '13-permit-active')

    // Closing with someone inside is refused; after the exit it closes with notes.
    await page.getByRole('button', { name: 'Exit Ana Silva' }).click()
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('0 inside')
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    const close = page.getByRole('dialog', { name: 'Close permit' })
    await close.getByLabel(/^Close-out notes/).fill('Welds sound. Sludge heavier than expected.')
    await close.getByRole('button', { name: 'Close permit' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Close-out record' }).isVisible(), { timeout: 5_000 })
      .toBe(true)
    // A closed permit leaves the live board.
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(0)
    expect(await board.evaluate('window.neverReloaded')).toBe(true)

    // The print view holds every (f) field and the close-out record; browsers print, they do not save PDFs.
    await page.goto(`${served.url}/#/permits/${page.url().match(/permits\/(\d+)/)?.[1] ?? ''}/print`)
    const printed = page.getByRole('article', { name: `Printable permit ${permitNumber}` })
    await expect.poll(() => printed.isVisible(), { timeout: 5_000 }).toBe(true)
    const text = (await printed.textContent()) ?? ''
    for (let f = 1; f <= 15; f += 1) expect(text).toContain(`(f)(${f})`)
    for (const value of [
      'TK-101',
      'Inspect floor welds',
      'Ana Silva',
      'Hydrogen sulfide',
      'Lock out feed pumps',
      'Site rescue team',
      'MX4-SN-1',
      'Sludge heavier',
    ]) {
      expect(text).toContain(value)
    }
    expect(await page.getByRole('button', { name: 'Save as PDF' }).count()).toBe(0)
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, '14-print-view')
  })
})
