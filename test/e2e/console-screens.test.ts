import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { launchChromium } from './support/browser'
import { busyBoard, signedInContext } from './support/busy-board'
import type { BusyBoard, ThemeMode } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

/** Where the screens go, to be looked at: what a person sees without scrolling, by size and theme. */
const shotDir = path.resolve(__dirname, '../../out/screenshots')

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]
const themes: ThemeMode[] = ['dark', 'light']

describe.skipIf(!chromiumPath)('the console as a supervisor sees it, at both sizes and in both themes', () => {
  let served: ServedConsole
  let browser: Browser
  let board: BusyBoard

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    board = await busyBoard(served.url, 6)
    fs.mkdirSync(shotDir, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function shoot(page: Page, hash: string, ready: () => Promise<unknown>, name: string) {
    await page.goto(`${served.url}/${hash}`)
    await ready()
    // Let a transition that has just started finish, so the picture is what stays on the screen.
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(shotDir, `${name}.png`) })
  }

  for (const mode of themes)
    for (const size of sizes)
      it(`writes the board, a card's details, the wall, a permit and the handover at ${String(size.width)}x${String(size.height)}, ${mode} theme`, async () => {
        const context = await signedInContext(browser, board.token, size, mode)
        const page = await context.newPage()
        const suffix = `${String(size.width)}x${String(size.height)}-${mode}`
        const cards = page.getByRole('article', { name: /^Permit / })
        await shoot(page, '#/board', () => cards.nth(11).waitFor(), `board-${suffix}`)
        await cards
          .first()
          .getByRole('button', { name: /^Details of permit/ })
          .click()
        await page.getByRole('region', { name: /^Details of permit/ }).waitFor()
        await page.waitForTimeout(400)
        await page.screenshot({ path: path.join(shotDir, `board-details-${suffix}.png`) })
        await page.keyboard.press('Escape')
        await shoot(page, '#/board/wall', () => cards.first().waitFor(), `wall-${suffix}`)
        await shoot(
          page,
          `#/permits/${String(board.demoPermitId)}`,
          () => page.getByRole('heading', { level: 1 }).waitFor(),
          `permit-${suffix}`,
        )
        await shoot(
          page,
          '#/handover',
          () => page.getByRole('table', { name: 'Active permits' }).waitFor(),
          `handover-${suffix}`,
        )
        await context.close()
      })
})
