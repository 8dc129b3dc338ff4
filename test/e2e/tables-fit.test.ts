import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/browser'
import { busyBoard, signedInContext } from './support/busy-board'
import type { BusyBoard } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

const laptop = { width: 1366, height: 768 }

/**
 * Each table wider than the box that shows it, or reaching past the window: something a person
 * cannot see without scrolling sideways. Run in the page (its own DOM, not this file's types).
 */
const cutOffScript = `[...document.querySelectorAll('table')].flatMap((table) => {
  let box = table.parentElement
  while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement
  const wider = box ? box.scrollWidth > box.clientWidth + 1 : false
  const pastWindow = table.getBoundingClientRect().right > window.innerWidth + 1
  return wider || pastWindow ? [table.getAttribute('aria-label') ?? '(a table without a name)'] : []
})`

const tablesCutOff = async (page: Page): Promise<string[]> => (await page.evaluate(cutOffScript)) as string[]

describe.skipIf(!chromiumPath)('tables on a 1366x768 laptop', () => {
  let served: ServedConsole
  let browser: Browser
  let board: BusyBoard

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    board = await busyBoard(served.url, 2)
    // Attendants with their duty buttons: the widest the roster gets.
    const me = await board.api.auth.me({})
    const attendants = (await board.api.users.list({ search: 'demo.attendant', limit: 10, offset: 0 })).items
    const start = Date.now()
    for (const userId of [me.id, ...attendants.map((user) => user.id)])
      await board.api.attendants.assign({
        permitId: board.demoPermitId,
        userId,
        shiftName: 'Night shift',
        shiftStart: start,
        shiftEnd: start + 8 * 3_600_000,
      })
    await board.api.system.backup({})
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  it('fit their containers on the permit page and every page with a table, dark and light', async () => {
    const pages = ['#/admin', '#/spaces', '#/alarms', '#/audit', '#/entries', '#/handover', '#/access']
    for (const mode of ['dark', 'light'] as const) {
      const context = await signedInContext(browser, board.token, laptop, mode)
      const page = await context.newPage()
      await page.goto(`${served.url}/#/permits/${String(board.demoPermitId)}`)
      await page.getByRole('table', { name: 'Attendant roster' }).getByRole('button').first().waitFor()
      expect(await tablesCutOff(page), `permit page, ${mode}`).toEqual([])
      for (const hash of pages) {
        await page.goto(`${served.url}/${hash}`)
        await page.getByRole('heading', { level: 1 }).waitFor()
        // Tables arrive with their page's data.
        await page.waitForTimeout(1000)
        expect(await tablesCutOff(page), `${hash}, ${mode}`).toEqual([])
      }
      await context.close()
    }
  })
})
