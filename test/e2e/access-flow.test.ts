import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import type { Api } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import type { Role } from '../../src/shared/contract/roles'
import { launchChromium, screenshot } from './support/browser'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'
import { screenSizes, useSize, useTheme, viewportShot } from './support/viewport-shots'

const password = 'correct horse battery staple'

/**
 * Issue 8 end to end: a requester asks for access; an IT approver, on a second console, sees the
 * request arrive without reloading and approves it with the keyboard; the requester sees the
 * decision, the grant and a notification; the audit page tells the story.
 */
describe.skipIf(!chromiumPath)('access governance in the browser', () => {
  let served: ServedConsole
  let browser: Browser
  let admin: Api
  const tokens: Record<string, string> = {}
  const ids: Record<string, number> = {}
  let ledgerId = 0

  async function person(username: string, displayName: string, roles: Role[]) {
    const user = await admin.users.create({ username, displayName, password, roles })
    const session = await createApi(createHttpTransport(served.url)).auth.login({ username, password })
    tokens[username] = session.token
    ids[username] = user.id
  }

  const apiOf = (username: string): Api => {
    const transport = createHttpTransport(served.url)
    transport.setToken(tokens[username] ?? '')
    return createApi(transport)
  }

  async function consoleOf(username: string, hash = '', size: { width: number; height: number } = screenSizes[0]) {
    const context = await browser.newContext({ viewport: size })
    await context.addInitScript(
      `sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(tokens[username] ?? '')})`,
    )
    const page = await context.newPage()
    await page.goto(`${served.url}/${hash}`)
    return page
  }

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    const transport = createHttpTransport(served.url)
    admin = createApi(transport)
    const first = await admin.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
    transport.setToken(first.token)
    tokens.ada = first.token
    await admin.users.setRoles({ userId: first.user.id, roles: ['administrator', 'auditor'] })
    await person('rex', 'Rex Adler', ['requester'])
    await person('ita', 'Ita Brandt', ['it_approver'])
    const ledger = await admin.access.saveResource({
      key: 'app:ledger',
      name: 'General ledger',
      kind: 'application',
      description: 'Finance’s book of accounts.',
      levels: ['read', 'write', 'admin'],
      riskTier: 'standard',
      maxDurationHours: 72,
      justificationTemplate: 'Ticket: ',
      ownerIds: [ids.ita ?? 0],
      approverIds: [ids.ita ?? 0],
    })
    ledgerId = ledger.id
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('takes a request from the requester to the approver’s queue live, a keyboard approval back, and the story to the audit', async () => {
    const requester = await consoleOf('rex')
    const approver = await consoleOf('ita')
    await approver.evaluate(`window.neverReloaded = true`)

    // Each opens on their own landing page.
    await expect.poll(() => requester.getByRole('tab', { name: 'My access', selected: true }).isVisible()).toBe(true)
    const queue = approver.getByRole('table', { name: 'Approval queue' })
    await expect.poll(() => queue.getByText('Nothing waits for your decision.').isVisible()).toBe(true)

    // The requester asks, the justification starting from the resource's template.
    await requester.getByRole('button', { name: 'Request access' }).click()
    const dialog = requester.getByRole('dialog', { name: 'Request access' })
    await dialog.getByRole('combobox', { name: /^Resource/ }).fill('ledger')
    await requester.getByRole('option', { name: /^app:ledger/ }).click()
    await expect.poll(() => dialog.getByLabel(/^Justification/).inputValue()).toBe('Ticket:')
    await dialog.getByLabel(/^Justification/).fill('Ticket: FIN-88, month-end close')
    await dialog.getByLabel(/^Duration \(hours\)/).fill('8')
    await dialog.getByRole('button', { name: 'Send request' }).click()
    await expect
      .poll(() => requester.getByRole('status').textContent())
      .toMatch(/^Request #\d+ for app:ledger \(read\) sent to its approvers\.$/)
    const mine = requester.getByRole('table', { name: 'My requests' })
    await expect.poll(() => mine.textContent()).toContain('Pending')

    // It arrives in the approver's queue without a reload; the keyboard decides it.
    await expect.poll(() => queue.getByText('Rex Adler').isVisible(), { timeout: 5_000 }).toBe(true)
    await expect.poll(() => approver.getByRole('row', { selected: true }).textContent()).toContain('Rex Adler')
    await approver.keyboard.press('ArrowDown')
    await approver.keyboard.press('a')
    const approve = approver.getByRole('dialog', { name: /^Approve request #\d+$/ })
    await expect.poll(() => approve.isVisible()).toBe(true)
    await approver.keyboard.press('Control+a')
    await approver.keyboard.type('6')
    await approver.keyboard.press('Enter')
    await expect
      .poll(() => approver.getByRole('status').textContent())
      .toMatch(/Rex Adler for app:ledger \(read\) approved/)
    await expect.poll(() => queue.getByText('Rex Adler').count()).toBe(0)
    expect(await approver.evaluate('window.neverReloaded')).toBe(true)

    // The requester sees the decision, the grant and a notification, live.
    await expect.poll(() => mine.textContent(), { timeout: 5_000 }).toContain('Approved')
    await expect.poll(() => mine.textContent()).toContain('by Ita Brandt')
    const grants = requester.getByRole('table', { name: 'My grants' })
    await expect.poll(() => grants.textContent()).toContain('app:ledger')
    await expect.poll(() => grants.textContent()).toContain('Active')
    const bell = requester.getByRole('button', { name: 'Notifications: 1 unread' })
    await expect.poll(() => bell.isVisible(), { timeout: 5_000 }).toBe(true)
    await bell.click()
    const inbox = requester.getByRole('dialog', { name: 'Notifications' })
    await expect.poll(() => inbox.textContent()).toMatch(/app:ledger \(read\) approved by Ita Brandt/)
    // The inbox fades in: the picture waits for it.
    await requester.waitForTimeout(500)
    await screenshot(requester, '30-access-requester-notified')
    await inbox.getByRole('link', { name: /approved by Ita Brandt/ }).click()
    await expect.poll(() => requester.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Access request #\d+$/)
    await expect
      .poll(() => requester.getByRole('list', { name: 'Decisions' }).textContent())
      .toMatch(/Approved by Ita Brandt/)
    await expect.poll(() => requester.getByRole('button', { name: 'Notifications' }).isVisible()).toBe(true)
    await requester.waitForTimeout(500)
    await viewportShot(requester, 'access-request-page-1920x1080-dark')

    // The audit page tells the story, in order.
    const auditor = await consoleOf('ada', '#/audit')
    const log = auditor.getByRole('table', { name: 'Audit log' })
    await expect.poll(() => log.getByText(/^Access request #\d+ approved$/).isVisible(), { timeout: 5_000 }).toBe(true)
    const entries = (await log.locator('tbody tr').allTextContents()).join('\n')
    const story = [
      /Resource .+ added to the catalogue/,
      /Access request #\d+ requested/,
      /Access request #\d+ approved/,
      /Notifications marked read/,
    ]
    const at = story.map((sentence) => entries.search(sentence))
    expect(at.every((index) => index >= 0)).toBe(true)
    // Newest first: the approval above the filing, the filing above the resource.
    expect(at[0]).toBeGreaterThan(at[1] ?? 0)
    expect(at[1]).toBeGreaterThan(at[2] ?? 0)
    await screenshot(auditor, '31-access-audit')
  })

  it('shows the queue, My access and a review at both screen sizes, in both themes', async () => {
    // A working day's worth: more people asking, a high-risk group, grants current and past, a review.
    await person('rae', 'Rae Lind', ['requester'])
    await person('ola', 'Ola Berg', ['requester'])
    const vpn = await admin.access.saveResource({
      key: 'grp:vpn-admins',
      name: 'VPN administrators',
      kind: 'group',
      description: 'Administers the site-to-site VPN.',
      levels: ['member'],
      riskTier: 'high',
      maxDurationHours: 8,
      ownerIds: [ids.ita ?? 0],
      approverIds: [ids.ita ?? 0],
    })
    const file = (who: string, resourceId: number, level: string, justification: string, durationHours: number) =>
      apiOf(who).access.fileRequest({ resourceId, level, justification, durationHours })
    await file('rae', ledgerId, 'write', 'Ticket: FIN-91, correct the March accruals before the auditors arrive', 24)
    await file('ola', vpn.id, 'member', 'Replacing the branch office firewall tonight; change CHG-2207', 6)
    const olaRead = await file('ola', ledgerId, 'read', 'Ticket: FIN-93, reconcile supplier statements', 48)
    await apiOf('ita').access.decide({ requestId: olaRead.id, decision: 'approve', grantedHours: 24 })
    const rexWrite = await file('rex', ledgerId, 'write', 'Ticket: FIN-90, post the closing entries', 8)
    await apiOf('ita').access.decide({
      requestId: rexWrite.id,
      decision: 'deny',
      comment: 'Write is for the finance team',
    })
    await file('rex', ledgerId, 'admin', 'Ticket: FIN-94, set up the new cost centres', 4)
    const raeRead = await file('rae', ledgerId, 'read', 'Ticket: FIN-92, audit support for the year-end close', 48)
    await apiOf('ita').access.decide({ requestId: raeRead.id, decision: 'approve' })
    const review = await apiOf('ita').access.startReview({ resourceId: ledgerId })
    const [kept] = review.undecided
    if (kept) await apiOf('ita').access.reviewDecide({ reviewId: review.id, grantIds: [kept.id], action: 'keep' })
    // Ita also supervises the site: a request to enter a tank for a permit starting within the hour jumps the queue.
    await admin.users.setRoles({ userId: ids.ita ?? 0, roles: ['it_approver', 'supervisor'] })
    const site = await admin.sites.save({
      code: 'NORTH',
      name: 'North plant',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
    })
    const space = await apiOf('ita').spaces.create({
      siteId: site.id,
      tag: 'TK-101',
      name: 'Crude tank 101',
      classification: 'permit_required',
    })
    const start = Date.now() + 3_600_000
    const permit = await apiOf('ita').permits.create({
      spaceId: space.id,
      purpose: 'Inspect floor welds',
      validFrom: start,
      validTo: start + 8 * 3_600_000,
      entrySupervisorId: ids.ita ?? 0,
      entrants: [{ name: 'Ola Berg' }],
      hazards: ['H2S'],
      isolationMeasures: [],
      rescueService: 'Site rescue team',
      rescueContact: 'Radio 3',
      communicationMethod: 'Radio',
      equipment: ['4-gas monitor'],
    })
    const [tank] = await apiOf('ola').access.resources({ search: 'space:TK-101' })
    await apiOf('ola').access.fileRequest({
      resourceId: tank?.id ?? 0,
      level: 'entrant',
      justification: 'Entrant on the weld inspection',
      durationHours: 8,
      permitId: permit.card.id,
    })

    const shots = [
      {
        who: 'ita',
        hash: '#/access/queue',
        name: 'queue',
        ready: (page: Page) => page.getByRole('row', { selected: true }),
      },
      {
        who: 'rex',
        hash: '#/access/mine',
        name: 'my-access',
        ready: (page: Page) => page.getByRole('table', { name: 'My grants' }),
      },
      {
        who: 'ita',
        hash: `#/access/reviews/${String(review.id)}`,
        name: 'review',
        ready: (page: Page) => page.getByRole('table', { name: 'Grants to decide' }),
      },
    ]
    for (const { who, hash, name, ready } of shots) {
      const page = await consoleOf(who, hash)
      for (const mode of ['dark', 'light'] as const) {
        await useTheme(page, mode)
        for (const size of screenSizes) {
          await useSize(page, size)
          await expect.poll(() => ready(page).isVisible(), { timeout: 10_000 }).toBe(true)
          await viewportShot(page, `access-${name}-${String(size.width)}x${String(size.height)}-${mode}`)
        }
      }
      await page.context().close()
    }

    // The other screens, once each at the smaller size.
    const small = screenSizes[1]
    const rex = await consoleOf('rex', '#/access/mine', small)
    await rex.getByRole('button', { name: 'Request access' }).click()
    await rex
      .getByRole('dialog', { name: 'Request access' })
      .getByRole('combobox', { name: /^Resource/ })
      .fill('vpn')
    await rex.getByRole('option', { name: /^grp:vpn-admins/ }).click()
    await rex.waitForTimeout(500)
    await viewportShot(rex, 'access-request-dialog-1366x768-dark')
    const ita = await consoleOf('ita', '#/access/grants', small)
    await expect.poll(() => ita.getByRole('table', { name: 'Current grants' }).isVisible()).toBe(true)
    await viewportShot(ita, 'access-who-has-what-1366x768-dark')
    const ada = await consoleOf('ada', '#/access/catalogue', small)
    await expect.poll(() => ada.getByRole('table', { name: 'Catalogue' }).textContent()).toContain('grp:vpn-admins')
    await viewportShot(ada, 'access-catalogue-1366x768-dark')
  })
})
