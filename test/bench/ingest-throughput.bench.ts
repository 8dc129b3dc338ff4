/**
 * Ingest throughput and storage size of continuous readings.
 *
 * 1. Batches of 1,000 continuous readings through the real path (in-process dispatch with a
 *    device token: gate, contract validation, checks against permits and register, alarm
 *    engine, one transaction with its audit entry, events), beside the baseline measured in the
 *    same run: raw better-sqlite3 prepared inserts of rows made the same way into the same
 *    monitor_readings table, one transaction per 1,000, same pragmas (WAL, synchronous=FULL),
 *    the rows converted to stored form before its clock starts.
 *    The two alternate in twenty segments (ten batches each by default), so neither gets the
 *    warmer disk nor a quieter spell of a shared machine.
 * 2. Bytes per stored reading: N readings through the real path into a fresh database, then the
 *    table's pages (dbstat) and the file's growth (after a TRUNCATE checkpoint), divided by N.
 *
 * Five permits, four monitors each (20 monitors at 1 Hz, so a batch of 1,000 is 50 s of data),
 * clean air with noise and two H2S breaches a batch (each raises an alarm, the next reading clears
 * it; a supervisor resolves them between segments, untimed). Then the same once an alarm flood
 * has been left unresolved, because the engine reads every unresolved alarm of a batch's permits.
 * The backend's clock is moved by hand along the readings' timeline.
 * Figures only; nothing here passes or fails.
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { applyPragmas } from '../../src/main/db/database'
import { fingerprint } from '../../src/main/readings/ingest-service'
import { readingRowAsIs, readingRowSchema, withTemplateNames } from '../../src/shared/contract/readings'
import { makeBenchBackend } from './support/bench-backend'
import { ms, summarize } from './stats'
import { machine } from './support/machine'
import { gasSite, resolveClearedAlarms } from './support/gas-feed'
import { createReadingSource, storedRow } from './support/readings'
import type { WireReading } from './support/readings'

const readings = Number(process.env.BENCH_READINGS ?? 200_000)
const storedReadings = Number(process.env.BENCH_STORED_READINGS ?? 200_000)
const batchSize = 1000
/** One reading in 500 breaches: two alarms a batch. */
const breachEvery = 500
/** For the figure with an alarm flood left alone. */
const unresolvedAlarms = Number(process.env.BENCH_UNRESOLVED_ALARMS ?? 1000)
const floodBatches = 20
const segments = 20
const warmupBatches = 5

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000)
const perSecond = (value: number) => `${value.toLocaleString('en-US')} readings/s`
const verdict = (met: boolean) => (met ? 'met' : 'NOT met')

async function prepare() {
  const t = makeBenchBackend()
  const site = await gasSite(t, { permits: 5, monitorsPerPermit: 4 })
  const token = await site.deviceToken('Gateway 1')
  const source = createReadingSource(site.feeds, { breachEvery })
  /** The next batch on the timeline; the clock then stands just after its last reading. */
  function nextBatch(from = source): { rows: WireReading[]; recordedAt: number } {
    const rows = from.batch(t.clock.now(), batchSize)
    t.clock.advance(from.spanMs(batchSize))
    return { rows, recordedAt: t.clock.now() }
  }
  let alarmsRaised = 0
  /** One batch through dispatch(); returns the milliseconds it took. */
  async function ingest(from = source): Promise<number> {
    const { rows } = nextBatch(from)
    const started = performance.now()
    const { result } = await t.backend.dispatch('readings.ingest', { readings: rows }, { token })
    const took = performance.now() - started
    if (!result.ok) throw new Error(`readings.ingest failed: ${result.error.code} ${result.error.message}`)
    alarmsRaised += (result.value as { alarmsRaised: number }).alarmsRaised
    return took
  }
  return { t, site, nextBatch, ingest, alarmsRaised: () => alarmsRaised }
}

async function throughput() {
  const { t, site, nextBatch, ingest, alarmsRaised } = await prepare()
  const raw = new Database(t.backend.databaseFile)
  applyPragmas(raw)
  const insert = raw.prepare(
    'insert into monitor_readings (instrument_id, permit_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  // Arguments passed one by one, as the service does: a spread costs about a tenth more per batch,
  // which would flatter the ratio.
  const insertAll = raw.transaction((rows: number[][]) => {
    for (const row of rows) insert.run(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])
  })
  /** One batch of raw inserts, its rows made before the clock starts; returns the milliseconds. */
  function rawBatch(): number {
    const { rows, recordedAt } = nextBatch()
    const stored = rows.map((row) => storedRow(row, site.instrumentIds.get(row.monitoredBy) ?? 0, recordedAt))
    const started = performance.now()
    insertAll(stored)
    return performance.now() - started
  }

  for (let i = 0; i < warmupBatches; i += 1) {
    rawBatch()
    await ingest()
  }
  let resolved = await resolveClearedAlarms(t, site.supervisor.token)
  const inSegment = Math.max(1, Math.round(readings / batchSize / segments))
  let rawMs = 0
  let serviceMs = 0
  const serviceBatchMs: number[] = []
  const segmentRates: number[] = []
  for (let s = 0; s < segments; s += 1) {
    for (let i = 0; i < inSegment; i += 1) rawMs += rawBatch()
    let segmentMs = 0
    for (let i = 0; i < inSegment; i += 1) {
      const took = await ingest()
      segmentMs += took
      serviceBatchMs.push(took)
    }
    serviceMs += segmentMs
    segmentRates.push(rate(inSegment * batchSize, segmentMs))
    // A supervisor deals with the segment's alarms (not timed), as a control room does.
    resolved += await resolveClearedAlarms(t, site.supervisor.token)
  }
  const measured = inSegment * segments * batchSize

  // The same, while many cleared alarms wait for someone to resolve them (an alarm flood left alone).
  const floodSource = createReadingSource(site.feeds, { seed: 2, breachEvery: 40 })
  const before = alarmsRaised()
  while (alarmsRaised() - before < unresolvedAlarms) await ingest(floodSource)
  const waiting = (await t.ok('alarms.summary', {}, site.supervisor.token)).openCount
  let floodMs = 0
  for (let i = 0; i < floodBatches; i += 1) floodMs += await ingest()
  const floodRate = rate(floodBatches * batchSize, floodMs)

  // Where the service's time goes: three of its per-batch steps, run alone on the same batches.
  const partSamples = 20
  let parseMs = 0
  let asIsMs = 0
  let fingerprintMs = 0
  for (let i = 0; i < partSamples; i += 1) {
    const { rows } = nextBatch()
    let started = performance.now()
    const parsed = rows.flatMap((row) => {
      const result = readingRowSchema.safeParse(withTemplateNames(row))
      return result.success ? [result.data] : []
    })
    parseMs += performance.now() - started
    started = performance.now()
    const taken = rows.filter((row) => readingRowAsIs(row) !== null).length
    asIsMs += performance.now() - started
    if (taken !== rows.length)
      throw new Error(`the fast path took ${String(taken)} of ${String(rows.length)} good rows`)
    started = performance.now()
    fingerprint(parsed)
    fingerprintMs += performance.now() - started
  }

  const rawRate = rate(measured, rawMs)
  const serviceRate = rate(measured, serviceMs)
  const batch = summarize(serviceBatchMs)
  const meanMs = serviceMs / serviceBatchMs.length
  console.log(
    `Ingest throughput, ${measured.toLocaleString('en-US')} continuous readings each way in batches of ${String(batchSize)} ` +
      `(5 permits x 4 monitors, 1 H2S breach in ${String(breachEvery)}; warm-up excluded)\n`,
  )
  console.log(`  raw prepared inserts, 1 transaction / 1,000 (baseline)  ${perSecond(rawRate)}`)
  console.log(
    `  readings.ingest via dispatch(), device token            ${perSecond(serviceRate)}` +
      `  (a batch: p50 ${ms(batch.p50)}, p99 ${ms(batch.p99)})`,
  )
  const bySegment = [...segmentRates].sort((a, b) => a - b)
  console.log(
    `    by segment of ${String(inSegment)} batches (slowest, median, fastest)  ` +
      [bySegment[0], bySegment[Math.floor(bySegment.length / 2)], bySegment.at(-1)]
        .map((value) => perSecond(value ?? 0))
        .join(', '),
  )
  console.log(
    `  ratio service / raw                                     ${((serviceRate / rawRate) * 100).toFixed(1)} %`,
  )
  console.log(`  a batch takes ${meanMs.toFixed(1)} ms on average; three of its steps, run alone on the same batches:`)
  console.log(`    each row through readingRowAsIs (the path good rows take) ${(asIsMs / partSamples).toFixed(1)} ms`)
  console.log(
    `    each row through readingRowSchema (zod, rows the fast path leaves) ${(parseMs / partSamples).toFixed(1)} ms`,
  )
  console.log(
    `    the audit fingerprint (fixed-order lines + SHA-256)    ${(fingerprintMs / partSamples).toFixed(1)} ms`,
  )
  console.log(
    `  alarms raised by warm-up and segments ${String(before)} (${String(resolved)} acknowledged and resolved between segments)`,
  )
  console.log(
    `  with ${String(waiting)} alarms left unresolved on these permits        ${perSecond(floodRate)} ` +
      `(${((floodRate / serviceRate) * 100).toFixed(0)} % of the rate above)`,
  )
  console.log(`  target: at least 100,000 readings/s -> ${verdict(serviceRate >= 100_000)}`)
  console.log(`  target: at least 25 % of the raw rate -> ${verdict(serviceRate >= rawRate * 0.25)}\n`)
  raw.close()
  t.dispose()
}

async function storage() {
  const { t, ingest } = await prepare()
  const file = t.backend.databaseFile
  const inspect = new Database(file)
  const checkpointedSize = () => {
    inspect.pragma('wal_checkpoint(TRUNCATE)')
    return fs.statSync(file).size
  }
  const table = () =>
    inspect
      .prepare(
        "select count(*) as pages, coalesce(sum(pgsize), 0) as bytes, coalesce(sum(payload), 0) as payload from dbstat where name = 'monitor_readings'",
      )
      .get() as { pages: number; bytes: number; payload: number }
  const fileBefore = checkpointedSize()
  const tableBefore = table()
  const batches = Math.max(1, Math.round(storedReadings / batchSize))
  for (let i = 0; i < batches; i += 1) await ingest()
  const stored = (inspect.prepare('select count(*) as n from monitor_readings').get() as { n: number }).n
  const fileAfter = checkpointedSize()
  const tableAfter = table()
  const perReading = (tableAfter.bytes - tableBefore.bytes) / stored
  const payload = (tableAfter.payload - tableBefore.payload) / stored
  console.log(
    `Storage, ${stored.toLocaleString('en-US')} continuous readings through readings.ingest into a fresh database\n`,
  )
  console.log(
    `  monitor_readings pages (dbstat)          ${(tableAfter.bytes - tableBefore.bytes).toLocaleString('en-US')} bytes in ${String(tableAfter.pages - tableBefore.pages)} pages`,
  )
  console.log(
    `  bytes per stored reading                 ${perReading.toFixed(1)} (record ${payload.toFixed(1)}, cell pointer, page slack and interior pages ${(perReading - payload).toFixed(1)})`,
  )
  console.log(
    `  whole file growth per reading            ${((fileAfter - fileBefore) / stored).toFixed(1)} bytes (with rollups, live values, alarms, one audit entry per batch)`,
  )
  console.log(`  target: at most 40 bytes per stored reading -> ${verdict(perReading <= 40)}`)
  inspect.close()
  t.dispose()
}

async function main() {
  console.log(machine())
  await throughput()
  await storage()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
