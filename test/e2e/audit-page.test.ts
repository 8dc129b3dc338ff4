import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'
import { screenSizes, shotsAtEverySize, viewportShot } from './support/viewport-shots'

const password = 'correct horse battery staple'
const hour = 3_600_000

/**
 * Issue 11: an auditor narrows the trail to one permit, reads an entry whole, exports it and verifies
 * the chain; and writes the annual review of the year as the workstation's calendar keeps it.
 */
describe.skipIf(!chromiumPath)('the audit and evidence pages in the browser', () => {
  let served: ServedConsole
  let browser: Browser
  let auditorToken = ''
  let permit = { id: 0, number: '' }

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    const api = createApi(transport)
    // Set-up, not the subject: the first administrator also supervises, so it can draft a permit.
    const admin = await api.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    transport.setToken(admin.token)
    await api.users.setRoles({ userId: admin.user.id, roles: ['administrator', 'supervisor'] })
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
      location: 'Tank farm',
      hazardNotes: 'Sludge',
      classification: 'permit_required',
    })
    const permitOf = async (purpose: string) => {
      const { card } = await api.permits.create({
        spaceId: space.id,
        purpose,
        validFrom: Date.now(),
        validTo: Date.now() + 8 * hour,
        entrySupervisorId: admin.user.id,
        entrants: [{ name: 'Ana Silva' }],
        hazards: ['H2S'],
        isolationMeasures: [{ measure: 'Lockout pumps', done: true }],
        rescueService: 'Site rescue team',
        rescueContact: 'Radio channel 3',
        communicationMethod: 'Radio',
        equipment: ['4-gas monitor'],
        otherSafetyInfo: '',
        relatedPermits: [],
      })
      return card
    }
    const card = await permitOf('Inspect floor welds')
    await permitOf('Replace the level gauge')
    await api.permits.transition({ permitId: card.id, action: 'submit' })
    await api.permits.transition({ permitId: card.id, action: 'cancel', reason: 'Tank farm closed by the weather' })
    permit = { id: card.id, number: card.number }
    await api.users.create({ username: 'audrey', displayName: 'Audrey Hale', password, roles: ['auditor'] })
    auditorToken = (await createApi(createHttpTransport(served.url)).auth.login({ username: 'audrey', password })).token
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function auditPage(hash = '#/audit', timezoneId?: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: screenSizes[0],
      acceptDownloads: true,
      ...(timezoneId ? { timezoneId } : {}),
    })
    await context.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(auditorToken)})`)
    const page = await context.newPage()
    await page.goto(`${served.url}/${hash}`)
    return page
  }

  const rowsOf = (page: Page) => page.getByRole('table', { name: 'Audit log' }).getByRole('row')

  it('filters to one permit, opens an entry, exports it as CSV and verifies the chain', async () => {
    const page = await auditPage()
    await expect.poll(() => rowsOf(page).count(), { timeout: 10_000 }).toBeGreaterThan(5)

    // A number no record has: said under the field, not an empty page without a word.
    const filters = page.getByRole('search', { name: 'Filter the audit trail' })
    const record = filters.getByRole('textbox', { name: 'Record', exact: true })
    await record.fill('CSE-NORTH-1999-0001')
    await filters.getByRole('button', { name: 'Apply filter' }).click()
    await expect
      .poll(() => filters.getByText('No record is named “CSE-NORTH-1999-0001”', { exact: false }).isVisible())
      .toBe(true)
    await expect.poll(() => page.getByText('No entry matches this filter.').isVisible()).toBe(true)
    await viewportShot(page, 'audit-record-unknown-dark')

    // The trail of one permit, named by the number its entries show: its kind is found with it.
    await record.fill(permit.number)
    await filters.getByRole('button', { name: 'Apply filter' }).click()
    await expect.poll(() => rowsOf(page).count()).toBe(4)
    expect(await record.inputValue()).toBe(permit.number)
    expect(await filters.getByRole('combobox', { name: 'Kind of record' }).textContent()).toBe('Permit')
    const sentences = await rowsOf(page).locator('td:nth-child(4)').allTextContents()
    expect(sentences).toEqual([
      `Permit ${permit.number} cancelled: Tank farm closed by the weather`,
      `Permit ${permit.number} submitted for authorization`,
      `Permit ${permit.number} drafted`,
    ])
    expect(page.url()).toContain(`#/audit?entityType=permit&entityId=${String(permit.id)}`)
    await shotsAtEverySize(page, 'audit-page')

    // One entry whole.
    await page
      .getByRole('button', { name: `Permit ${permit.number} cancelled: Tank farm closed by the weather` })
      .click()
    const detail = page.getByRole('dialog', {
      name: `Permit ${permit.number} cancelled: Tank farm closed by the weather`,
    })
    await expect.poll(() => detail.isVisible()).toBe(true)
    expect(await detail.getByText('permit.cancel', { exact: true }).isVisible()).toBe(true)
    expect(await detail.getByLabel('After the change').textContent()).toContain(
      '"reason": "Tank farm closed by the weather"',
    )
    // The drawer slides in from the right; the picture waits until it has come to rest.
    await expect.poll(async () => (await detail.boundingBox())?.x).toBe(screenSizes[0].width - 640)
    await viewportShot(page, 'audit-entry-dark')
    await detail.getByRole('button', { name: 'Close the entry' }).click()
    await expect.poll(() => detail.isVisible()).toBe(false)

    // The same trail as a file.
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export the audit trail' })
    expect(await dialog.textContent()).toContain(`entries about permit ${permit.number}`)
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    await expect.poll(() => dialog.getByText(/^3 entries written/).isVisible(), { timeout: 10_000 }).toBe(true)
    await viewportShot(page, 'audit-export-dark')
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Download' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/)
    const file = fs.readFileSync(await download.path(), 'utf8')
    expect(file.split('\n')[0]).toMatch(/^# \{"format":"gatehouse-audit-export\/1"/)
    expect(file).toContain(`Permit ${permit.number} drafted`)
    await dialog.getByRole('button', { name: 'Close' }).click()

    // The chain, walked.
    await page.getByRole('button', { name: 'Verify chain' }).click()
    const result = page.getByRole('status').filter({ hasText: 'Chain' })
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Chain intact')
    expect(await result.textContent()).toMatch(/Held against \d+ checkpoints?/)
    await viewportShot(page, 'audit-verified-dark')
  })

  it('writes the annual review of the year as this workstation keeps it, in its own zone', async () => {
    const page = await auditPage('#/evidence', 'America/Chicago')
    const review = page.getByRole('region', { name: 'Annual programme review' })
    await expect.poll(() => review.isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await review.textContent()).toContain('in this workstation’s zone (America/Chicago)')
    await review.getByRole('button', { name: 'Write the review pack' }).click()
    const status = review.getByRole('status')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/annual-review-\d{4}-.*\.zip written/)
    await shotsAtEverySize(page, 'evidence-page')
  })
})
