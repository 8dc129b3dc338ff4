import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { chromiumPath } from './chromium'

/** Where screenshots go, so a person can look at what the tests saw. */
export const screenshotDir = path.resolve(__dirname, '../../../out/e2e-screenshots')

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium')
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
