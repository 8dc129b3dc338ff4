/**
 * Time to first paint of a 30-day trend in Chromium: from navigation start (a fresh browser
 * context, signed in, opening #/gas/trends on one permit's month) until every gas panel has its
 * lines drawn, against the trend bench's database (twenty monitors, a week at 1 Hz and a year at
 * five minutes before it; see support/trend-database.ts). Baseline in the same run: the same
 * window's trends.query alone, over HTTP. Figures only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { launchChromium } from '../e2e/support/browser'
import { signedInContext } from '../e2e/support/busy-board'
import { chromiumPath } from '../e2e/support/chromium'
import { serveConsole } from '../e2e/support/serve-process'
import { ms, summarize, time } from './stats'
import { trendDatabase } from './support/trend-database'

const rounds = Number(process.env.BENCH_ROUNDS ?? 8)
const day = 86_400_000
const viewport = { width: 1920, height: 1080 }

/**
 * Runs in the page (a string: this file has no DOM types). Resolves, on the first animation frame
 * where all four panels have a drawn line, with the time since navigation start, and how many
 * points those lines pass through.
 */
const linesDrawn = `new Promise((resolve) => {
  const check = () => {
    const figures = [...document.querySelectorAll('figure')]
    const lines = figures.map((figure) => [...figure.querySelectorAll('.trend-line path')].filter((path) => (path.getAttribute('d') || '').length > 1))
    if (figures.length === 4 && lines.every((drawn) => drawn.length > 0)) {
      const points = lines.flat().reduce((sum, path) => sum + path.getAttribute('d').split(/[ML]/).length - 1, 0)
      resolve({ paintMs: performance.now(), points })
    } else requestAnimationFrame(check)
  }
  check()
})`

async function main() {
  if (!chromiumPath) {
    console.log('trend chart: skipped, no Chromium (install chromium or set CHROMIUM_PATH)')
    return
  }
  const root = path.resolve(__dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'ignore',
  })
  const db = await trendDatabase((line) => console.log(line))
  // A copy, so the console's own writes (sessions, migrations) never touch the bench's database.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-chart-'))
  fs.cpSync(db.dataDir, dataDir, { recursive: true })
  const served = await serveConsole({ dataDir })
  const browser = await launchChromium()
  try {
    const transport = createHttpTransport(served.url)
    const api = createApi(transport)
    const { token } = await api.auth.login(db.supervisor)
    transport.setToken(token)
    const permitId = db.permitIds[0] ?? 1
    const window = { from: db.end - 30 * day, to: db.end }
    const address = `${served.url}/#/gas/trends?permit=${String(permitId)}&from=${String(window.from)}&to=${String(window.to)}`

    const paints: number[] = []
    const drawing: number[] = []
    let points = 0
    let width = 0
    for (let round = 0; round < rounds; round++) {
      const context = await signedInContext(browser, token, viewport, 'dark')
      const page = await context.newPage()
      page.on('request', (request) => {
        const body = request.url().endsWith('/trends.query') ? request.postData() : null
        if (body) width = (JSON.parse(body) as { width: number }).width
      })
      await page.goto(address)
      const drawn = (await page.evaluate(linesDrawn)) as { paintMs: number; points: number }
      paints.push(drawn.paintMs)
      // When the trend's answer had arrived: the rest of the time is drawing it.
      const answered = (await page.evaluate(
        `Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/trends.query')).map((e) => e.responseEnd))`,
      )) as number
      drawing.push(drawn.paintMs - answered)
      points = drawn.points
      await context.close()
    }
    const queries = await time(rounds, () =>
      api.trends.query({ subject: { kind: 'permit', permitId }, ...window, width }),
    )

    const [first] = paints
    const paint = summarize(paints.slice(1))
    const query = summarize(queries)
    console.log(
      `30-day trend of one permit (4 monitors, 16 series) at ${String(viewport.width)}x${String(viewport.height)}, ${String(width)} px columns, ${db.readings.toLocaleString('en-US')} readings in the database`,
    )
    console.log(`  first paint, first visit:  ${ms(first ?? NaN)}`)
    console.log(
      `  first paint, next visits:  p50 ${ms(paint.p50)}  p95 ${ms(paint.p95)}  (n=${String(paint.n)}, fresh browser context each)`,
    )
    const draw = summarize(drawing.slice(1))
    console.log(`  of which drawing (answer to lines): p50 ${ms(draw.p50)}  p95 ${ms(draw.p95)}`)
    console.log(`  trends.query alone (HTTP): p50 ${ms(query.p50)}  p95 ${ms(query.p95)}`)
    console.log(`  points drawn: ${points.toLocaleString('en-US')}`)
  } finally {
    await browser.close()
    await served.stop()
  }
}

void main()
