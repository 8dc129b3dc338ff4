/**
 * Board update latency: an entry or exit is committed through the HTTP API while a real
 * Chromium shows the board; we time from sending the command until the permit card in the page
 * shows the change. Baseline in the same run: the command's own round trip.
 * Figures only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium } from '../e2e/support/browser'
import { chromiumPath } from '../e2e/support/chromium'
import { siteOverHttp } from '../e2e/support/http-site'
import { serveConsole } from '../e2e/support/serve-process'
import { ms, summarize } from './stats'

const rounds = Number(process.env.BENCH_ROUNDS ?? 40)
const password = 'benchmark passphrase'

/**
 * Runs in the page (hence a string: this file has no DOM types). Resolves with the wall-clock
 * moment the permit's card first shows Ana inside, or no longer inside.
 */
function waitForCardChange(permitNumber: string, expectInside: boolean): string {
  return `new Promise((resolve) => {
    const matches = () => {
      const card = [...document.querySelectorAll('[aria-label]')].find((e) => e.getAttribute('aria-label').startsWith(${JSON.stringify(`Permit ${permitNumber}`)}))
      return (card ? card.textContent : '').includes('Ana Silva') === ${expectInside}
    }
    const observer = new MutationObserver(() => {
      if (matches()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()) }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  })`
}

async function main() {
  if (!chromiumPath) {
    console.log('board latency: skipped, no Chromium (install chromium or set CHROMIUM_PATH)')
    return
  }
  const root = path.resolve(__dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'ignore',
  })
  const served = await serveConsole()
  const transport = createHttpTransport(served.url)
  const api = createApi(transport)
  const admin = await api.auth.setupFirstAdmin({ username: 'bench', displayName: 'Bench', password })
  transport.setToken(admin.token)
  await api.users.setRoles({ userId: admin.user.id, roles: ['administrator', 'supervisor', 'attendant'] })
  const { readyPermit } = await siteOverHttp(api, {
    supervisorId: admin.user.id,
    password,
    code: 'BENCH',
    name: 'Bench site',
    serial: 'MX4',
  })
  const { permitId, number } = await readyPermit('TK-1', 'Ana Silva')
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(admin.token)})`)
  await page.goto(`${served.url}/#/board`)
  await page
    .getByLabel(new RegExp(`^Permit ${number}`))
    .first()
    .waitFor()

  const latencies: number[] = []
  const roundTrips: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const entering = round % 2 === 0
    // The page notes the moment the card's list of people inside changes to what we expect.
    const seen = page.evaluate<number>(waitForCardChange(number, entering))
    const sent = Date.now()
    const started = performance.now()
    if (entering) await api.entries.recordEntry({ permitId, person: { name: 'Ana Silva' } })
    else await api.entries.recordExit({ permitId, person: { name: 'Ana Silva' } })
    roundTrips.push(performance.now() - started)
    latencies.push((await seen) - sent)
  }
  await browser.close()
  transport.close()
  await served.stop()

  const board = summarize(latencies)
  const command = summarize(roundTrips)
  console.log(`Board update latency, ${rounds} entries and exits (command sent -> card changed in Chromium)\n`)
  console.log(`  command round trip over HTTP (baseline)  p50 ${ms(command.p50)}  p99 ${ms(command.p99)}`)
  console.log(
    `  board card updated in the browser        p50 ${ms(board.p50)}  p99 ${ms(board.p99)}  max ${ms(board.max)}`,
  )
  console.log(
    `  ratio board / command                    p50 ${(board.p50 / command.p50).toFixed(1)}x  p99 ${(board.p99 / command.p99).toFixed(1)}x`,
  )
  console.log(
    `  target: within 1000 ms of the change -> ${board.max <= 1000 ? 'met' : 'NOT met'} (max ${ms(board.max)})`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
