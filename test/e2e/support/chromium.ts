import fs from 'node:fs'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** Debian's Chromium, or whatever CHROMIUM_PATH names; null when there is none. */
export const chromiumPath: string | null =
  candidates.find((file): file is string => !!file && fs.existsSync(file)) ?? null

/** CI sets this: there a missing browser is a failure, not a reason to skip. */
export const e2eRequired = process.env.GATEHOUSE_E2E_REQUIRED === '1'

export const skipReason =
  'End-to-end tests skipped: no Chromium found (looked for CHROMIUM_PATH, /usr/bin/chromium). ' +
  'Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to run them.'

export function assertBrowserOrSkip(): boolean {
  if (chromiumPath) return true
  if (e2eRequired) throw new Error(`GATEHOUSE_E2E_REQUIRED is set but no Chromium was found. ${skipReason}`)
  console.warn(`\n${skipReason}\n`)
  return false
}
