/**
 * Alarm latency: a field device posts a reading over the HTTP API of browser mode
 * (`node out/main/serve.js`, system clock, production settings) while a real Chromium shows
 * the console, signed in as a supervisor: another console than the device.
 *
 * - Reading -> alarm banner: an H2S reading over the low alarm on a permit with nobody inside;
 *   timed from sending it until the banner (src/renderer/src/features/alarms) shows that alarm's
 *   row in the page. Beside it, in the same run: the ingest call's own round trip (the baseline),
 *   and the alarms.raised event arriving over the SSE stream GET /api/events in this process.
 * - Reading -> permit suspended: the same breach on permits with someone inside suspends the
 *   permit in the transaction that stores the reading; timed until the ingest call is
 *   acknowledged, and until permits.get, called at once after, shows the permit suspended.
 * Figures only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { formatGasValue, gasInfo } from '../../src/shared/domain/gases'
import { launchChromium } from '../e2e/support/browser'
import { chromiumPath } from '../e2e/support/chromium'
import { siteOverHttp } from '../e2e/support/http-site'
import { serveConsole } from '../e2e/support/serve-process'
import { ms, summarize } from './stats'
import { machine } from './support/machine'

const rounds = Number(process.env.BENCH_ALARM_ROUNDS ?? 40)
const suspensions = Number(process.env.BENCH_SUSPENSIONS ?? 12)
const password = 'benchmark passphrase'

/**
 * Runs in the page (hence a string: this file has no DOM types). Starts watching, before the
 * reading is sent, for the moment (wall clock) the alarm banner first shows a row for this permit
 * with this text; `window.bannerRowSeen` resolves with it.
 */
function watchForBannerRow(permitNumber: string, text: string): string {
  return `window.bannerRowSeen = new Promise((resolve) => {
    const wanted = ${JSON.stringify(`permit ${permitNumber}: ${text}`)}
    const matches = () => {
      const banner = document.querySelector('section[aria-label="Alarms"]')
      return !!banner && [...banner.querySelectorAll('[aria-label]')].some((e) => e.getAttribute('aria-label').includes(wanted))
    }
    const observer = new MutationObserver(() => {
      if (matches()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()) }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  }); undefined`
}

/** Wall-clock time in ms with the page's resolution (the page reports performance.timeOrigin + now). */
const wallNow = () => performance.timeOrigin + performance.now()

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/** A wait that never ends would hang `npm run bench`; this one fails, saying what never came. */
function within<T>(promise: Promise<T>, what: string, limitMs = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${String(limitMs)} ms`)), limitMs)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

async function main() {
  if (!chromiumPath) {
    console.log('alarm latency: skipped, no Chromium (install chromium or set CHROMIUM_PATH)')
    return
  }
  console.log(machine())
  const root = path.resolve(__dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'ignore',
  })
  const served = await serveConsole()
  try {
    await measure(served.url)
  } finally {
    // Also when something fails: a served console left running would outlive the bench.
    await served.stop()
  }
}

async function measure(url: string) {
  const transport = createHttpTransport(url)
  const api = createApi(transport)
  const admin = await api.auth.setupFirstAdmin({ username: 'bench', displayName: 'Bench', password })
  transport.setToken(admin.token)
  await api.users.setRoles({ userId: admin.user.id, roles: ['administrator', 'supervisor', 'attendant'] })
  const serial = 'MX4-BENCH'
  const { site, readyPermit: ready } = await siteOverHttp(api, {
    supervisorId: admin.user.id,
    password,
    code: 'BENCH',
    name: 'Bench site',
    serial,
  })
  /** A permit on a space of its own, ready for entry; optionally someone inside. */
  const readyPermit = (index: number, inside: boolean) =>
    ready(`TK-${String(100 + index)}`, `Entrant ${String(index)}`, inside)

  const watched = await readyPermit(0, false)
  const occupied: { permitId: number; number: string }[] = []
  for (let i = 1; i <= suspensions; i += 1) occupied.push(await readyPermit(i, true))
  const device = await api.devices.create({ name: 'Gateway 1', siteId: site.id })

  /** One reading, posted as a field device does; resolves when it is acknowledged. */
  async function postReading(permitId: number, h2sPpm: number): Promise<void> {
    const response = await fetch(`${url}/api/rpc/readings.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({
        readings: [
          { permitId, loggedAt: Date.now(), monitoredBy: serial, oxygenPercent: 20.9, lelPercent: 0, h2sPpm, coPpm: 0 },
        ],
      }),
    })
    const answer = (await response.json()) as { ok: boolean; error?: { message: string } }
    if (!answer.ok) throw new Error(`readings.ingest failed: ${answer.error?.message ?? response.status}`)
  }

  // This process listens too, as any console does: when does alarms.raised arrive over SSE?
  let onRaised: ((at: number) => void) | null = null
  const stopListening = transport.subscribe('alarms.raised', (payload) => {
    if (payload.permitId === watched.permitId) onRaised?.(wallNow())
  })

  const banner: number[] = []
  const bannerFromAck: number[] = []
  const sse: number[] = []
  const roundTrips: number[] = []
  const suspendAck: number[] = []
  const suspendSeen: number[] = []
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript(`sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(admin.token)})`)
    await page.goto(`${url}/#/board`)
    await page
      .getByLabel(new RegExp(`^Permit ${watched.number}`))
      .first()
      .waitFor()
    await sleep(500)

    for (let round = 0; round < rounds + 3; round += 1) {
      // A value of its own each round, over the low alarm (10 ppm) and under the high (20 ppm).
      const h2s = (105 + (round % 95)) / 10
      const text = `${gasInfo.h2s.symbol} ${formatGasValue('h2s', h2s)}`
      await page.evaluate(watchForBannerRow(watched.number, text))
      const seen = page.evaluate<number>('window.bannerRowSeen')
      const raised = new Promise<number>((resolve) => (onRaised = resolve))
      const sent = wallNow()
      await postReading(watched.permitId, h2s)
      const acked = wallNow()
      const [seenAt, raisedAt] = await Promise.all([
        within(seen, `the banner row for ${text}`),
        within(raised, 'alarms.raised over SSE'),
      ])
      if (round >= 3) {
        roundTrips.push(acked - sent)
        banner.push(seenAt - sent)
        bannerFromAck.push(seenAt - acked)
        sse.push(raisedAt - sent)
      }
      // Back in limits: the alarm clears (and stays in the banner until resolved); let the page settle.
      await postReading(watched.permitId, 0)
      await sleep(200 + (round % 5) * 25)
    }

    for (const permit of occupied) {
      const sent = wallNow()
      await postReading(permit.permitId, 12.5)
      const acked = wallNow()
      const detail = await api.permits.get({ permitId: permit.permitId })
      const confirmed = wallNow()
      if (detail.card.state !== 'suspended')
        throw new Error(`${permit.number} is ${detail.card.state} after a breach with someone inside, not suspended`)
      suspendAck.push(acked - sent)
      suspendSeen.push(confirmed - sent)
      await sleep(200)
    }
  } finally {
    stopListening()
    transport.close()
    await browser.close()
  }

  const command = summarize(roundTrips)
  const shown = summarize(banner)
  const afterAck = summarize(bannerFromAck)
  const event = summarize(sse)
  console.log(
    `Alarm latency, ${String(rounds)} alarms (reading sent by a device -> banner row in Chromium on another console)\n`,
  )
  console.log(`  ingest round trip over HTTP, 1 reading (baseline)  p50 ${ms(command.p50)}  p99 ${ms(command.p99)}`)
  console.log(`  alarms.raised arrived over SSE (this process)      p50 ${ms(event.p50)}  p99 ${ms(event.p99)}`)
  console.log(
    `  alarm banner shows the alarm in Chromium           p50 ${ms(shown.p50)}  p99 ${ms(shown.p99)}  max ${ms(shown.max)}`,
  )
  console.log(`    timed from the acknowledgement instead           p50 ${ms(afterAck.p50)}  p99 ${ms(afterAck.p99)}`)
  console.log(
    `  ratio banner / ingest round trip                   p50 ${(shown.p50 / command.p50).toFixed(1)}x  p99 ${(shown.p99 / command.p99).toFixed(1)}x\n`,
  )
  const ack = summarize(suspendAck)
  const seenSuspended = summarize(suspendSeen)
  console.log(`Reading -> permit suspended, ${String(occupied.length)} permits with someone inside, one breach each\n`)
  console.log(`  breach acknowledged (suspension committed with it)  p50 ${ms(ack.p50)}  p99 ${ms(ack.p99)}`)
  console.log(
    `  permits.get shows it suspended                      p50 ${ms(seenSuspended.p50)}  p99 ${ms(seenSuspended.p99)}`,
  )
  console.log(`  suspended: ${String(suspendSeen.length)} of ${String(occupied.length)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
