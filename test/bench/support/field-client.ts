/**
 * A field client in a process of its own, as field devices and other consoles are: the server
 * under test keeps its event loop to itself. The parent forks this file, sends one job, and
 * gets one answer back.
 *
 * - ingest: posts readings.ingest batches with device tokens (rotating), either as fast as
 *   `concurrency` requests in flight allow, or paced at `rate` readings a second.
 * - probe: calls procedures over HTTP one after another every `intervalMs`, timing each.
 */
import { fork } from 'node:child_process'
import { createReadingSource } from './readings'
import type { Feed } from './readings'

export interface IngestJob {
  kind: 'ingest'
  url: string
  tokens: string[]
  feeds: Feed[]
  batchSize: number
  /** One reading in this many breaches the H2S low alarm. */
  breachEvery: number
  concurrency: number
  /** Readings a second to aim at; 0 sends as fast as the server acknowledges. */
  rate: number
  /** Stop after this many readings were sent, or after this long, whichever comes first. */
  readings: number
  durationMs: number
}

export interface IngestReport {
  acknowledged: number
  refused: Record<string, number>
  elapsedMs: number
  /** Round trip of each acknowledged batch, ms. */
  batchMs: number[]
}

export interface ProbeJob {
  kind: 'probe'
  url: string
  token: string
  calls: { path: string; input: unknown }[]
  samples: number
  intervalMs: number
}

export interface ProbeReport {
  /** Per call, its round trips in ms. */
  ms: Record<string, number[]>
}

type Job = IngestJob | ProbeJob
type Report<J extends Job> = J extends IngestJob ? IngestReport : ProbeReport

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function post(url: string, token: string, path: string, body: string) {
  const response = await fetch(`${url}/api/rpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  })
  return (await response.json()) as { ok: boolean; value?: { accepted: number }; error?: { code: string } }
}

/** Set when the parent says stop: an ingest loop ends after the requests in flight. */
let stopped = false

async function ingest(job: IngestJob): Promise<IngestReport> {
  const source = createReadingSource(job.feeds, { seed: 7, breachEvery: job.breachEvery })
  const report: IngestReport = { acknowledged: 0, refused: {}, elapsedMs: 0, batchMs: [] }
  const started = performance.now()
  const deadline = started + job.durationMs
  const spacingMs = job.rate > 0 ? (job.batchSize / job.rate) * 1000 : 0
  let sent = 0
  let next = 0
  async function sender(): Promise<void> {
    while (!stopped && sent < job.readings && performance.now() < deadline) {
      const batchNumber = next
      next += 1
      if (spacingMs > 0) {
        const due = started + batchNumber * spacingMs
        const wait = due - performance.now()
        if (wait > 0) await sleep(wait)
        if (stopped || performance.now() >= deadline) break
      }
      sent += job.batchSize
      // Taken just now, by monitors ticking once a second: the newest reading is a moment old.
      const rows = source.batch(Date.now() - source.spanMs(job.batchSize), job.batchSize)
      const token = job.tokens[batchNumber % job.tokens.length] ?? ''
      const t0 = performance.now()
      const answer = await post(job.url, token, 'readings.ingest', JSON.stringify({ readings: rows }))
      if (answer.ok && answer.value) {
        report.acknowledged += answer.value.accepted
        report.batchMs.push(performance.now() - t0)
      } else {
        const code = answer.error?.code ?? 'UNKNOWN'
        report.refused[code] = (report.refused[code] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, sender))
  report.elapsedMs = performance.now() - started
  return report
}

async function probe(job: ProbeJob): Promise<ProbeReport> {
  const report: ProbeReport = { ms: Object.fromEntries(job.calls.map((call) => [call.path, []])) }
  const bodies = job.calls.map((call) => JSON.stringify(call.input))
  for (let i = 0; i < job.samples; i += 1) {
    const tickStarted = performance.now()
    for (const [index, call] of job.calls.entries()) {
      const t0 = performance.now()
      const answer = await post(job.url, job.token, call.path, bodies[index] ?? '{}')
      if (!answer.ok) throw new Error(`${call.path} failed: ${answer.error?.code ?? 'UNKNOWN'}`)
      report.ms[call.path]?.push(performance.now() - t0)
    }
    const rest = job.intervalMs - (performance.now() - tickStarted)
    if (rest > 0) await sleep(rest)
  }
  return report
}

/** Runs one job in a child process; `stop` ends an ingest job early. */
export function startClient<J extends Job>(job: J): { report: Promise<Report<J>>; stop(): void } {
  const child = fork(__filename, [], { stdio: 'inherit' })
  const report = new Promise<Report<J>>((resolve, reject) => {
    let answer: Report<J> | null = null
    child.on('message', (message) => (answer = message as Report<J>))
    child.once('error', reject)
    child.once('exit', (code) =>
      answer ? resolve(answer) : reject(new Error(`field client exited with ${String(code)} and no report`)),
    )
  })
  child.send(job)
  return { report, stop: () => void (child.connected && child.send('stop')) }
}

/** Runs one job in a child process and resolves with its report. */
export const runClient = <J extends Job>(job: J): Promise<Report<J>> => startClient(job).report

if (process.send && require.main === module) {
  // The parent is gone (it failed, or was stopped): nobody waits for this client any more.
  process.once('disconnect', () => process.exit(1))
  process.on('message', (message: Job | 'stop') => {
    if (message === 'stop') {
      stopped = true
      return
    }
    const job = message
    const run = job.kind === 'ingest' ? ingest(job) : probe(job)
    run.then(
      (report) => process.send?.(report, () => process.exit(0)),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
