import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import type { Role } from '../../src/shared/contract/roles'
import { launchChromium } from './support/browser'
import { busyBoard, password, signedInContext } from './support/busy-board'
import type { BusyBoard, ThemeMode } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const themes: ThemeMode[] = ['dark', 'light']

// Some twenty pages, each loaded and audited: about 50 s on an idle machine, more on a busy one.
const pagesTimeoutMs = 240_000

/** Where each other role lands on signing in; the administrator visits every page. */
const otherRoles: Role[] = [
  'supervisor',
  'safety_officer',
  'attendant',
  'entrant',
  'it_approver',
  'requester',
  'auditor',
]

interface Finding {
  where: string
  rule: string
  impact: string
  help: string
  targets: string[]
  /** axe's own words for the first element, for colour contrast the two colours and their ratio. */
  summary: string
}

/** Opens `path`, waits for its page to arrive (lazy chunk and first data), and lists serious and critical findings. */
async function audit(page: Page, url: string, path: string, where: string): Promise<Finding[]> {
  await page.goto(`${url}/${path}`)
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page
    .getByRole('progressbar')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined)
  // A button that has just become enabled is still fading in; measure colours as they settle.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important }',
  })
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      where,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary ?? '',
    }))
}

describe.skipIf(!chromiumPath)('accessibility of every page, in both themes (axe-core)', () => {
  let served: ServedConsole
  let browser: Browser
  let board: BusyBoard
  const tokens = new Map<Role, string>()

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    board = await busyBoard(served.url, 2)
    for (const role of otherRoles) {
      const username = role.replace('_', '-')
      await board.api.users.create({ username, displayName: `Pat ${role}`, password, roles: [role] })
      tokens.set(role, (await createApi(createHttpTransport(served.url)).auth.login({ username, password })).token)
    }
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it.each(themes)(
    'finds no serious or critical violation on any page an administrator opens, %s theme',
    async (mode) => {
      const permit = String(board.demoPermitId)
      const paths = [
        '#/board',
        '#/board/wall',
        '#/gas/trends',
        '#/gas/alarms',
        '#/gas/instruments',
        '#/gas/simulator',
        '#/entries',
        '#/spaces',
        '#/handover',
        '#/access/mine',
        '#/access/queue',
        '#/access/grants',
        '#/access/reviews',
        '#/access/catalogue',
        '#/audit',
        '#/evidence',
        '#/admin',
        '#/api/auth.me',
        '#/permits/new',
        `#/permits/${permit}`,
        `#/permits/${permit}/edit`,
        `#/permits/${permit}/print`,
      ]
      const context = await signedInContext(browser, board.token, { width: 1920, height: 1080 }, mode)
      const page = await context.newPage()
      const findings: Finding[] = []
      for (const path of paths) findings.push(...(await audit(page, served.url, path, `${path} (${mode})`)))
      await context.close()
      expect(findings).toEqual([])
    },
    pagesTimeoutMs,
  )

  it.each(themes)(
    'finds no serious or critical violation where each other role lands, %s theme',
    async (mode) => {
      const findings: Finding[] = []
      for (const role of otherRoles) {
        const context = await signedInContext(browser, tokens.get(role) ?? '', { width: 1366, height: 768 }, mode)
        const page = await context.newPage()
        findings.push(...(await audit(page, served.url, '', `${role}'s landing page (${mode})`)))
        await context.close()
      }
      expect(findings).toEqual([])
    },
    pagesTimeoutMs,
  )
})
