import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'
import { screenSizes, useTheme, viewportShot } from './support/viewport-shots'

const password = 'correct horse battery staple'

/** Issue 12: an administrator tries the API from the console; every call is the gate's to decide. */
describe.skipIf(!chromiumPath)('the API playground in the browser', () => {
  let served: ServedConsole
  let browser: Browser
  let admin: Api
  let token = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    admin = createApi(transport)
    const first = await admin.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    token = first.token
    transport.setToken(token)
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function playground(hash = '#/api') {
    const context = await browser.newContext({ viewport: screenSizes[0] })
    await context.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(token)})`)
    const page = await context.newPage()
    await page.goto(`${served.url}/${hash}`)
    return page
  }

  it('runs auth.me as the signed-in administrator and shows the answer', async () => {
    const page = await playground()
    await page.getByRole('list', { name: 'Procedures you may call' }).getByText('auth.me', { exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'auth.me' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const envelope = page.getByRole('region', { name: 'Answer' }).getByLabel('Envelope')
    await expect.poll(() => envelope.textContent()).toContain('"username": "ada"')
    expect(await envelope.textContent()).toContain('"ok": true')
    expect(page.url()).toMatch(/#\/api\/auth\.me$/)
    await viewportShot(page, 'api-playground-dark')
    await useTheme(page, 'light')
    await viewportShot(page, 'api-playground-light')
  })

  it('runs a command only once confirmed, through the gate, audited under the person’s name', async () => {
    const page = await playground('#/api/system.backup')
    await expect.poll(() => page.getByRole('heading', { name: 'system.backup' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Run…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Run system.backup?' })
    await dialog.getByRole('button', { name: 'Run the command' }).click()
    const envelope = page.getByRole('region', { name: 'Answer' }).getByLabel('Envelope')
    await expect.poll(() => envelope.textContent()).toContain('"ok": true')
    const { items } = await admin.audit.list({})
    expect(items[0]).toMatchObject({ action: 'system.backup_taken', actorName: 'ada' })
  })

  it('cannot run what the roles do not allow, even by editing the page: the gate refuses it', async () => {
    const page = await playground('#/api/access.queue')
    await expect.poll(() => page.getByText(/Not available to your roles/).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true)
    // Whatever is edited in the page, the call it can make is this one, with its own session: the gate refuses it.
    const answer = await page.evaluate(async (sessionToken) => {
      const response = await fetch('/api/rpc/access.queue', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
        body: '{}',
      })
      return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } }
    }, token)
    expect(answer).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } })
  })
})
