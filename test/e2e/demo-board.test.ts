import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

describe.skipIf(!chromiumPath)('a newcomer on an empty board', () => {
  let served: ServedConsole
  let browser: Browser
  let token = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    const admin = await createApi(transport).auth.setupFirstAdmin({
      username: 'ada',
      displayName: 'Ada Lovelace',
      password: 'correct horse battery staple',
    })
    token = admin.token
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('loads the clearly labelled demo site in one click and sees a living board with alarms', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await context.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(token)})`)
    const page = await context.newPage()
    await page.goto(`${served.url}/#/board`)
    await expect.poll(() => page.getByText(/No open permits/).isVisible(), { timeout: 10_000 }).toBe(true)
    await page.getByRole('button', { name: 'Load demo site' }).click()
    const cards = page.getByRole('article', { name: /^Permit CSE-/ })
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(6)
    // Alarms sort first: the suspended sewer with someone inside and bad air, its worst alarm in
    // words and the count of the rest; every one of them is in its details.
    const first = (await cards.first().textContent()) ?? ''
    expect(first).toContain('DEMO-SW-310')
    expect(first).toMatch(/^HighPermit suspended with 1 person inside\.\+2/)
    expect(first).toContain('Atmosphere FAILING')
    await cards
      .first()
      .getByRole('button', { name: /^Details of permit/ })
      .click()
    await expect
      .poll(() => page.getByRole('region', { name: /^Details of permit/ }).textContent())
      .toMatch(/Prohibited atmosphere/)
    await page.keyboard.press('Escape')
    await screenshot(page, '15-demo-board')
    expect(await page.getByText('Demo site (not real)').count()).toBeGreaterThan(0)
  })
})
