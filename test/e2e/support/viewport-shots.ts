import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

/** Where the screens a person sees at a given size and theme go, to be looked at. */
export const viewportShotDir = path.resolve(__dirname, '../../../out/screenshots')

export const screenSizes = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const

/** What fits the window at this size, as a person sees it without scrolling. */
export async function viewportShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(viewportShotDir, { recursive: true })
  await page.screenshot({ path: path.join(viewportShotDir, `${name}.png`) })
}

/** MUI eases colours over a quarter of a second: a shot taken sooner catches them half changed. */
const settleMs = 600

/** Switches the console to `mode` with its own toggle, as a person would. */
export async function useTheme(page: Page, mode: 'dark' | 'light'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${mode} theme` })
  if (await toggle.isVisible()) await toggle.click()
  await page.getByRole('button', { name: `Switch to ${mode === 'dark' ? 'light' : 'dark'} theme` }).waitFor()
  // The pointer leaves the toggle, so its tooltip is not in the picture.
  await page.mouse.move(1, 300)
  await page.waitForTimeout(settleMs)
}

export async function useSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size)
  await page.waitForTimeout(settleMs)
}

/**
 * The screen as it stands, at both sizes in both themes: `name-dark`, `name-light`,
 * `name-1366x768-light`, `name-1366x768-dark`. Leaves the page at the large size in the dark theme.
 */
export async function shotsAtEverySize(page: Page, name: string): Promise<void> {
  await useTheme(page, 'dark')
  await viewportShot(page, `${name}-dark`)
  await useTheme(page, 'light')
  await viewportShot(page, `${name}-light`)
  await useSize(page, screenSizes[1])
  await viewportShot(page, `${name}-1366x768-light`)
  await useTheme(page, 'dark')
  await viewportShot(page, `${name}-1366x768-dark`)
  await useSize(page, screenSizes[0])
}
