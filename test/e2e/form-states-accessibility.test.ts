import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/browser'
import { busyBoard, signedInContext } from './support/busy-board'
import type { BusyBoard } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

/** The states a page visit does not reach: a summary of refused fields, a signature dialog with its issue. */
const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

describe.skipIf(!chromiumPath)('a refused form, the restore dialog and the portal, under axe', () => {
  let served: ServedConsole
  let browser: Browser
  let board: BusyBoard
  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    board = await busyBoard(served.url, 1)
    await board.api.system.backup({})
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })
  for (const mode of ['dark', 'light'] as const)
    it(`have no serious or critical finding at 1366x768, ${mode} theme`, async () => {
      const context = await signedInContext(browser, board.token, { width: 1366, height: 768 }, mode)
      const page = await context.newPage()
      await page.goto(`${served.url}/#/permits/new`)
      await page.getByRole('button', { name: 'Create permit' }).click()
      await page.getByText('7 fields need attention').waitFor()
      await page.getByRole('button', { name: 'Add measure' }).click()
      await page.waitForTimeout(500)
      expect(await serious(page)).toEqual([])
      await page.goto(`${served.url}/#/admin`)
      await page
        .getByRole('button', { name: /^Restore… / })
        .first()
        .click()
      await page.getByRole('button', { name: 'Sign and restore' }).click()
      await page.getByText('One field needs attention').waitFor()
      await page.waitForTimeout(500)
      expect(await serious(page)).toEqual([])
      await page.keyboard.press('Escape')
      await page.goto(`${served.url}/#/permits/${String(board.demoPermitId)}`)
      await page.getByRole('region', { name: 'Entry and exit' }).waitFor()
      await page.waitForTimeout(800)
      expect(await serious(page)).toEqual([])
      await context.close()
    })
})
