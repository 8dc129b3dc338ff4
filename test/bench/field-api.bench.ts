/**
 * The field API over HTTP, and what a console feels while it works.
 *
 * 1. readings.ingest over HTTP on loopback with device tokens, in batches of 100 and of 1,000,
 *    posted by a client in a process of its own (4 gateway tokens, 4 requests in flight):
 *    readings a second acknowledged, beside the baseline measured in the same run: the same
 *    batches through dispatch() in-process, one at a time.
 * 2. While that client ingests at about 20,000 readings a second (in batches of 1,000, then of
 *    100): permits.board and auth.me round trips over HTTP from another process (a console),
 *    beside the same figures with no ingest load; and the board's own dispatch time in-process.
 *    Mostly clean air: one reading in 20,000 breaches (about one alarm a second).
 *
 * The server is startHttpServer with a real backend (system clock) on a fresh database. Per-token
 * device limits are raised through the backend override `deviceLimits`: the defaults would cap
 * each token below what is measured here (printed below).
 * Figures only; nothing here passes or fails.
 */
import { systemClock } from '../../src/main/core/clock'
import { defaultDeviceLimits } from '../../src/main/devices/device-service'
import type { DeviceLimits } from '../../src/main/devices/device-service'
import { startHttpServer } from '../../src/main/http/http-server'
import { ms, summarize } from './stats'
import { makeBenchBackend } from './support/bench-backend'
import { machine } from './support/machine'
import { runClient, startClient } from './support/field-client'
import type { IngestReport } from './support/field-client'
import { gasSite } from './support/gas-feed'
import { createReadingSource } from './support/readings'

const httpReadings = Number(process.env.BENCH_HTTP_READINGS ?? 50_000)
const inProcessReadings = 30_000
const loadRate = Number(process.env.BENCH_LOAD_RATE ?? 20_000)
const probeSamples = Number(process.env.BENCH_PROBE_SAMPLES ?? 200)
const probeIntervalMs = 25
const gateways = 4
const inFlight = 4
/** Mostly clean air: one reading in 20,000 breaches (about one alarm a second at 20,000 readings/s). */
const breachEvery = 20_000

/** High enough that only the server's own speed limits what is measured. */
const raisedLimits: DeviceLimits = {
  requests: { capacity: 1_000_000, perSecond: 1_000_000 },
  readings: { capacity: 100_000_000, perSecond: 100_000_000 },
}

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} readings/s`
const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
const rateOf = (report: IngestReport) => (report.acknowledged / report.elapsedMs) * 1000
const refusals = (report: IngestReport) =>
  Object.keys(report.refused).length === 0 ? 'none refused' : `refused: ${JSON.stringify(report.refused)}`

async function main() {
  console.log(machine())
  const t = makeBenchBackend({ clock: systemClock, deviceLimits: raisedLimits })
  const site = await gasSite(t, { permits: 8, monitorsPerPermit: 4 })
  const tokens: string[] = []
  for (let g = 1; g <= gateways; g += 1) tokens.push(await site.deviceToken(`Gateway ${String(g)}`))
  const server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
  const ingestJob = (batchSize: number, overrides: { rate?: number; readings?: number; durationMs?: number } = {}) =>
    startClient({
      kind: 'ingest',
      url: server.url,
      tokens,
      feeds: site.feeds,
      batchSize,
      breachEvery,
      concurrency: inFlight,
      rate: overrides.rate ?? 0,
      readings: overrides.readings ?? httpReadings,
      durationMs: overrides.durationMs ?? 120_000,
    })

  // The baseline: batches made the same way through dispatch() in this process, one at a time.
  const source = createReadingSource(site.feeds, { seed: 3, breachEvery })
  async function inProcess(batchSize: number, readings: number): Promise<number> {
    let took = 0
    for (let sent = 0; sent < readings; sent += batchSize) {
      const rows = source.batch(Date.now() - source.spanMs(batchSize), batchSize)
      const started = performance.now()
      const { result } = await t.backend.dispatch('readings.ingest', { readings: rows }, { token: tokens[0] ?? '' })
      took += performance.now() - started
      if (!result.ok) throw new Error(`readings.ingest failed: ${result.error.code} ${result.error.message}`)
    }
    return (readings / took) * 1000
  }

  console.log(
    `Field API over HTTP on loopback (client in its own process, ${String(gateways)} gateway tokens, ${String(inFlight)} requests in flight)\n`,
  )
  const { requests, readings: readingLimit } = defaultDeviceLimits
  console.log(
    `  device limits raised through the backend override deviceLimits; the defaults (${String(requests.perSecond)} requests/s, ` +
      `${readingLimit.perSecond.toLocaleString('en-US')} readings/s a token) would cap one token at ` +
      `${perSecond(Math.min(requests.perSecond * 100, readingLimit.perSecond))} in batches of 100 and ` +
      `${perSecond(Math.min(requests.perSecond * 1000, readingLimit.perSecond))} in batches of 1,000\n`,
  )
  const httpRates: number[] = []
  for (const batchSize of [100, 1000]) {
    await inProcess(batchSize, 10 * batchSize)
    await ingestJob(batchSize, { readings: 20 * batchSize }).report
    const local = await inProcess(batchSize, inProcessReadings)
    const remote = await ingestJob(batchSize).report
    const batch = summarize(remote.batchMs)
    httpRates.push(rateOf(remote))
    console.log(`  batches of ${batchSize.toLocaleString('en-US')}`)
    console.log(`    in-process dispatch, one at a time (baseline)  ${perSecond(local)}`)
    console.log(
      `    HTTP, acknowledged                             ${perSecond(rateOf(remote))}  ` +
        `(${remote.acknowledged.toLocaleString('en-US')} in ${(remote.elapsedMs / 1000).toFixed(1)} s, ${refusals(remote)}; ` +
        `a batch p50 ${ms(batch.p50)}, p99 ${ms(batch.p99)})`,
    )
    console.log(`    ratio HTTP / baseline                          ${((rateOf(remote) / local) * 100).toFixed(0)} %`)
  }
  for (const [index, batchSize] of [100, 1000].entries()) {
    const reached = httpRates[index] ?? 0
    console.log(
      `  target: at least 20,000 readings/s over HTTP, batches of ${batchSize.toLocaleString('en-US')} -> ${verdict(reached >= 20_000)}`,
    )
  }
  console.log('')

  // A console's view: board and auth.me over HTTP from another process, one after the other.
  const probeJob = (samples = probeSamples) =>
    runClient({
      kind: 'probe',
      url: server.url,
      token: site.supervisor.token,
      calls: [
        { path: 'permits.board', input: {} },
        { path: 'auth.me', input: {} },
      ],
      samples,
      intervalMs: probeIntervalMs,
    })
  // The board's own cost, in-process with nothing else running (not during the HTTP probes: it would load the server).
  const boardOwn: number[] = []
  for (let i = 0; i < probeSamples; i += 1) {
    const started = performance.now()
    const { result } = await t.backend.dispatch('permits.board', {}, { token: site.supervisor.token })
    boardOwn.push(performance.now() - started)
    if (!result.ok) throw new Error(`permits.board failed: ${result.error.code}`)
  }
  const board = await t.ok('permits.board', {}, site.supervisor.token)
  console.log(
    `Console under field load: ${String(board.cards.length)} permits on the board, ${String(site.feeds.length)} monitors; ` +
      `a console in another process calls permits.board then auth.me over HTTP, ${String(probeSamples)} times, every ${String(probeIntervalMs)} ms\n`,
  )
  const own = summarize(boardOwn)
  console.log(`  permits.board in-process dispatch, no load (its own cost)  p50 ${ms(own.p50)}  p99 ${ms(own.p99)}`)
  await probeJob(40)
  const idle = await probeJob()
  const phases: { batchSize: number; achieved: number; probe: typeof idle }[] = []
  for (const batchSize of [1000, 100]) {
    const load = ingestJob(batchSize, {
      rate: loadRate,
      readings: Number.MAX_SAFE_INTEGER,
      durationMs: 120_000,
    })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const probe = await probeJob()
    load.stop()
    const report = await load.report
    phases.push({ batchSize, achieved: rateOf(report), probe })
    console.log(
      `  field load in batches of ${batchSize.toLocaleString('en-US')}: ${perSecond(rateOf(report))} acknowledged ` +
        `(aimed at ${perSecond(loadRate)}), ${refusals(report)}`,
    )
  }
  for (const path of ['permits.board', 'auth.me']) {
    const quiet = summarize(idle.ms[path] ?? [])
    console.log(`  ${path} over HTTP`)
    console.log(`    no ingest load (baseline)        p50 ${ms(quiet.p50)}  p99 ${ms(quiet.p99)}  max ${ms(quiet.max)}`)
    for (const phase of phases) {
      const busy = summarize(phase.probe.ms[path] ?? [])
      console.log(
        `    ingesting in batches of ${phase.batchSize.toLocaleString('en-US').padEnd(6)}  p50 ${ms(busy.p50)}  p99 ${ms(busy.p99)}  ` +
          `max ${ms(busy.max)}  (p99 ${(busy.p99 / quiet.p99).toFixed(1)}x baseline)`,
      )
    }
  }
  for (const phase of phases) {
    const p99 = summarize(phase.probe.ms['permits.board'] ?? []).p99
    console.log(
      `  target: permits.board p99 at most 50 ms while ingesting about ${perSecond(loadRate)} ` +
        `(batches of ${phase.batchSize.toLocaleString('en-US')}, ${perSecond(phase.achieved)} reached) -> ${verdict(p99 <= 50)} (p99 ${ms(p99)})`,
    )
  }

  await server.close()
  t.dispose()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
