/**
 * Start-up time with a large database: createBackend until it returns (every service wired, the
 * database checked and migrated), cold-ish (the file dropped from the OS page cache first, with
 * `dd iflag=nocache`, which asks the kernel to forget a file's cached pages) and warm, p50 of a
 * few runs each, beside what start-up used to do on the same file: `pragma quick_check` (every
 * page) and `pragma foreign_key_check` (every row with a reference). Then SQLite's full
 * integrity_check as the schedule and the Admin page run it, in a worker thread, with the main
 * thread's longest stall meanwhile (the console's responsiveness).
 *
 * The database: a site, five authorized permits with four monitors each (through the backend),
 * then 10 million continuous readings (BENCH_STARTUP_READINGS), 1 Hz per monitor, inserted with
 * SQL in key order per (permit, instrument). Rollups are not filled: start-up never reads them.
 * Built once and kept under the OS temp folder, keyed by the build's version, the migrations and
 * the count. Figures only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createBackend } from '../../src/main/backend'
import { signingKeyFile } from '../../src/main/audit/signing-key'
import { systemClock } from '../../src/main/core/clock'
import { databaseFileIn } from '../../src/main/db/database'
import { startFullCheck } from '../../src/main/db/full-check'
import { migrationsFolder } from '../../src/main/resources-dir'
import { fastHasher } from '../support/test-backend'
import { makeBenchBackend } from './support/bench-backend'
import { gasSite } from './support/gas-feed'
import { machine } from './support/machine'
import { ms, summarize } from './stats'

/** Bump when the way the file is built changes, so an old cached file is not reused. */
const buildVersion = 'startup-1'
const readings = Number(process.env.BENCH_STARTUP_READINGS ?? 10_000_000)
const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 5)
const checkRuns = 3
const permits = 5
const monitorsPerPermit = 4

const migrations = fs.readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).length
const dataDir = path.join(os.tmpdir(), `gatehouse-bench-${buildVersion}-m${String(migrations)}-${String(readings)}`)
const file = databaseFileIn(dataDir)
const builtMarker = path.join(dataDir, 'built.json')

/** The site through the backend (audited, as a console would have it), then the readings with plain SQL. */
async function build(): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const t = makeBenchBackend()
  const site = await gasSite(t, { permits, monitorsPerPermit })
  const copy = new Database(t.backend.databaseFile)
  copy.exec(`vacuum into '${file.replaceAll("'", "''")}'`)
  copy.close()
  fs.mkdirSync(path.dirname(signingKeyFile(dataDir)), { recursive: true })
  fs.copyFileSync(signingKeyFile(t.dataDir), signingKeyFile(dataDir))
  const pairs = site.feeds.map((feed) => ({
    permitId: feed.permitId,
    instrumentId: site.instrumentIds.get(feed.serial),
  }))
  t.dispose()

  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  // A fixture, not a record: nothing here needs to survive a power cut.
  sqlite.pragma('synchronous = OFF')
  const perPair = Math.ceil(readings / pairs.length)
  const start = Date.UTC(2026, 10, 1)
  const insert = sqlite.prepare(`
    insert into monitor_readings (permit_id, instrument_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags)
    with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < @count)
    select @permitId, @instrumentId, @start + i * 1000, 150 + i % 50, 2090 + i % 7 - 3, i % 11, i % 13, (i % 17) * 2, 0
    from n`)
  let stored = 0
  const began = performance.now()
  for (const pair of pairs) {
    const count = Math.min(perPair, readings - stored)
    if (count <= 0) break
    sqlite.transaction(() => insert.run({ ...pair, count, start }))()
    stored += count
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  console.log(`  built ${stored.toLocaleString('en-US')} readings in ${(performance.now() - began).toFixed(0)} ms`)
  fs.writeFileSync(builtMarker, JSON.stringify({ readings: stored, at: new Date().toISOString() }))
}

/** Asks the kernel to drop the database's cached pages (the WAL and shm are gone after a clean close). */
function dropFromPageCache(): void {
  execFileSync('sync')
  for (const name of [file, `${file}-wal`, `${file}-shm`])
    if (fs.existsSync(name)) execFileSync('dd', [`if=${name}`, 'iflag=nocache', 'count=0', 'status=none'])
}

function startOnce(cold: boolean): number {
  if (cold) dropFromPageCache()
  const started = performance.now()
  const backend = createBackend({ dataDir }, { clock: systemClock, hasher: fastHasher })
  const took = performance.now() - started
  backend.close()
  return took
}

/** What start-up used to run on every start: a pragma over the whole file. */
function pragmaOnce(pragma: 'quick_check' | 'foreign_key_check', cold: boolean): number {
  if (cold) dropFromPageCache()
  const sqlite = new Database(file, { readonly: true })
  const started = performance.now()
  const result = sqlite.pragma(pragma, { simple: false }) as unknown[]
  const took = performance.now() - started
  sqlite.close()
  if (pragma === 'quick_check' && JSON.stringify(result) !== '[{"quick_check":"ok"}]')
    throw new Error(`quick_check found: ${JSON.stringify(result).slice(0, 200)}`)
  return took
}

/** The main thread's longest stall over `ms` with nothing running: what the stalls below compare with. */
async function idleStall(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const ticker = setInterval(() => undefined, 5)
  delay.enable()
  await new Promise((resolve) => setTimeout(resolve, ms))
  delay.disable()
  clearInterval(ticker)
  return delay.max / 1e6
}

/** The full check in its worker, and the main thread's longest stall while it ran. */
async function fullCheckOnce(cold: boolean): Promise<{ took: number; stallMs: number; result: string }> {
  if (cold) dropFromPageCache()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  // A console's timers keep firing meanwhile: the stall is the longest gap between them.
  const ticker = setInterval(() => undefined, 5)
  delay.enable()
  const started = performance.now()
  const outcome = await startFullCheck({ file }).done
  const took = performance.now() - started
  delay.disable()
  clearInterval(ticker)
  return {
    took,
    stallMs: delay.max / 1e6,
    result: outcome.verdict.verdict === 'ok' ? 'ok' : outcome.verdict.problem,
  }
}

const line = (label: string, samples: number[]) => {
  const s = summarize(samples)
  console.log(
    `  ${label.padEnd(52)} p50 ${ms(s.p50).padStart(13)}   max ${ms(s.max).padStart(13)}   (n=${String(s.n)})`,
  )
}

async function main() {
  console.log(`Start-up with ${readings.toLocaleString('en-US')} continuous readings ${machine()}`)
  if (!fs.existsSync(builtMarker)) await build()
  else console.log(`  reusing ${dataDir}`)
  // The first start after building migrates nothing but records the key and its check: not timed.
  startOnce(false)
  const sqlite = new Database(file, { readonly: true })
  const stored = sqlite.prepare('select count(*) from monitor_readings').pluck().get() as number
  const pages = sqlite.pragma('page_count', { simple: true }) as number
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  sqlite.close()
  const bytes = fs.statSync(file).size
  console.log(
    `  database: ${stored.toLocaleString('en-US')} readings, ${(bytes / 1e9).toFixed(2)} GB, ${pages.toLocaleString('en-US')} pages of ${String(pageSize)} B`,
  )

  console.log('\nStart-up (createBackend until ready; target under 1,500 ms at 10 million readings)')
  line(
    'cold-ish (file dropped from the page cache)',
    Array.from({ length: runs }, () => startOnce(true)),
  )
  line(
    'warm',
    Array.from({ length: runs }, () => startOnce(false)),
  )
  const checks = new Database(file, { readonly: true })
  const startupChecks = checks
    .prepare("select duration_ms from integrity_checks where trigger = 'startup' order by id desc limit ?")
    .pluck()
    .all(runs * 2) as number[]
  checks.close()
  line('of which the bounded start-up check (recorded)', startupChecks)

  console.log('\nWhat start-up ran before, on the same file')
  line(
    'pragma quick_check, cold-ish',
    Array.from({ length: checkRuns }, () => pragmaOnce('quick_check', true)),
  )
  line(
    'pragma quick_check, warm',
    Array.from({ length: checkRuns }, () => pragmaOnce('quick_check', false)),
  )
  line(
    'pragma foreign_key_check, warm',
    Array.from({ length: checkRuns }, () => pragmaOnce('foreign_key_check', false)),
  )

  console.log('\nFull integrity_check in its worker thread (scheduled daily, and Check now on the Admin page)')
  console.log(`  ${'the main thread idle for 3 s: longest stall'.padEnd(52)} ${ms(await idleStall(3000)).padStart(13)}`)
  for (const cold of [true, false]) {
    const run = await fullCheckOnce(cold)
    console.log(
      `  ${(cold ? 'cold-ish' : 'warm').padEnd(52)} ${ms(run.took).padStart(13)}   result ${run.result}; main thread's longest stall meanwhile ${ms(run.stallMs)}`,
    )
  }
}

void main()
