import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/browser'
import { busyBoard, signedInContext } from './support/busy-board'
import { chromiumPath } from './support/chromium'
import { serveConsole } from './support/serve-process'
import type { ServedConsole } from './support/serve-process'

/** How many permit cards lie wholly inside the window, as a person sees it without scrolling. */
async function cardsInView(page: Page): Promise<number> {
  const viewport = page.viewportSize()
  if (!viewport) throw new Error('no viewport')
  const boxes = await page.getByRole('article', { name: /^Permit / }).evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.getBoundingClientRect()
      return { left: box.left, top: box.top, right: box.right, bottom: box.bottom }
    }),
  )
  return boxes.filter(
    (box) => box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height,
  ).length
}

describe.skipIf(!chromiumPath)('the board on a control-room screen', () => {
  let served: ServedConsole
  let browser: Browser
  let token = ''

  beforeAll(async () => {
    served = await serveConsole()
    browser = await launchChromium()
    // The demo's six permits and six more on a second site: a busy shift.
    token = (await busyBoard(served.url, 6)).token
  })
  afterAll(async () => {
    await browser?.close()
    await served?.stop()
  })

  async function boardAt(width: number, height: number, path = '#/board'): Promise<Page> {
    const context = await signedInContext(browser, token, { width, height }, 'dark')
    const page = await context.newPage()
    await page.goto(`${served.url}/${path}`)
    const cards = page.getByRole('article', { name: /^Permit / })
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(12)
    // The alarm banner above the board arrives with its own request; measure once it is there.
    await page.getByRole('region', { name: 'Alarms' }).waitFor()
    return page
  }

  it('shows twelve permits wholly above the fold at 1920x1080, below an alarm banner', async () => {
    const page = await boardAt(1920, 1080)
    expect(await cardsInView(page)).toBe(12)
    // Tags and permit numbers are never broken across lines.
    const wrapped = await page
      .getByRole('article', { name: /^Permit / })
      .evaluateAll(
        (cards) =>
          cards.flatMap((card) =>
            [...card.querySelectorAll('h2, a')].filter(
              (element) => element.getClientRects().length > 1 || element.scrollWidth > element.clientWidth + 1,
            ),
          ).length,
      )
    expect(wrapped).toBe(0)
    await page.context().close()
  })

  it('shows a row of permits above the fold on a 1366x768 laptop', async () => {
    const page = await boardAt(1366, 768)
    expect(await cardsInView(page)).toBeGreaterThanOrEqual(4)
    await page.context().close()
  })

  it('shows the board alone in wall mode, one site at a time', async () => {
    const context = await signedInContext(browser, token, { width: 1920, height: 1080 }, 'dark')
    const page = await context.newPage()
    await page.goto(`${served.url}/#/board/wall`)
    await page.getByText('Site 1 of 2').waitFor()
    await expect.poll(() => page.getByRole('article', { name: /^Permit / }).count()).toBe(6)
    expect(await cardsInView(page)).toBe(6)
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0)
    await context.close()
  })
})
