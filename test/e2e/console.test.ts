import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const admin = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery staple' }

describe.skipIf(!chromiumPath)('the console in a browser, against `npm run serve`', () => {
  let served: ServedConsole
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('asks for the first administrator on an empty database and signs them in', async () => {
    await page.goto(served.url)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Create the first administrator' }).isVisible())
      .toBe(true)
    await page.getByLabel('Username').fill(admin.username)
    await page.getByLabel('Display name').fill(admin.displayName)
    await page.getByLabel('Password', { exact: true }).fill('too short')
    await page.getByLabel('Confirm password').fill('too short')
    await page.getByRole('button', { name: 'Create administrator' }).click()
    // The server's rule, shown under the field it names.
    await expect.poll(() => page.getByText('must be at least 12 characters').isVisible()).toBe(true)
    await screenshot(page, '01-first-run-field-error')

    await page.getByLabel('Password', { exact: true }).fill(admin.password)
    await page.getByLabel('Confirm password').fill(admin.password)
    await page.getByRole('button', { name: 'Create administrator' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByText(admin.displayName).first().isVisible()).toBe(true)
    await screenshot(page, '02-signed-in-board')
  })

  it('navigates between every page without reloading', async () => {
    await page.evaluate(() => ((globalThis as unknown as { marker: string }).marker = 'same page'))
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const name of ['Board', 'Gas', 'Entries', 'Access', 'Audit', 'Admin']) {
      await nav.getByRole('link', { name }).click()
      await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true)
    }
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: string }).marker)).toBe('same page')
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Users' }).getByRole('cell', { name: admin.username, exact: true }).isVisible(),
      )
      .toBe(true)
    await screenshot(page, '03-admin')

    await nav.getByRole('link', { name: 'Audit' }).click()
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Audit log' })
          .getByText(/^First administrator .+ created$/)
          .isVisible(),
      )
      .toBe(true)
    await page.getByRole('button', { name: 'Verify chain' }).click()
    await expect.poll(() => page.getByText('Chain intact').isVisible()).toBe(true)
    await screenshot(page, '04-audit-verified')
  })

  it('signs out, refuses a wrong password with a readable message, and signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true)
    await page.getByLabel('Username').fill(admin.username)
    await page.getByLabel('Password', { exact: true }).fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong username or password.')
    await screenshot(page, '05-wrong-password')

    await page.getByLabel('Password', { exact: true }).fill(admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
  })
})
