/**
 * Datalog import rate: a CSV of 1,000,000 readings (BENCH_IMPORT_ROWS), 20 monitors at 1 Hz on five
 * permits, ISO 8601 times, a permit column, one H2S breach in 5,000 readings, through the path the
 * import screen takes, in-process (dispatch, the gate, zod, the services, real SQLite with WAL and
 * synchronous=FULL):
 *
 * - hash: SHA-256 of the file (the screen does it with WebCrypto; here node:crypto);
 * - parse: papaparse in chunk mode, each record made the row datalog.stage takes (file-rows.ts),
 *   as the screen does, with the parser paused while a chunk is sent;
 * - check: datalog.stage of every row in chunks of 5,000, for a file whose first row is refused,
 *   so every row is checked and none kept (the rules alone);
 * - check and stage: the same for the good file, every row kept in the staging table;
 * - commit: datalog.commit, moving the staged rows into monitor_readings through the reading store
 *   (rollups and live values) in transactions of 5,000, yielding between them.
 *
 * Beside it, measured in the same run: raw better-sqlite3 prepared inserts of the same rows, already
 * in stored form before the clock starts, into the same monitor_readings table (under five other
 * permits, so no key collides), one transaction per 5,000, before the import (so into a smaller
 * table: the ratio does not flatter the import). Figures only; nothing passes or fails.
 */
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import Papa from 'papaparse'
import { applyPragmas } from '../../src/main/db/database'
import type { DatalogRow } from '../../src/shared/contract/datalog'
import { maxStagedRowsPerCall } from '../../src/shared/contract/datalog'
import type { ProcedureInput, ProcedurePath } from '../../src/shared/contract/procedures'
import { datalogRowOf } from '../../src/renderer/src/features/datalog-import/file-rows'
import { makeBenchBackend } from './support/bench-backend'
import { gasSite } from './support/gas-feed'
import { machine } from './support/machine'
import { ms, summarize } from './stats'
import { createReadingSource, storedRow } from './support/readings'

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000)
const monitors = 20
const transactionRows = 5000

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')} rows/s`

async function main() {
  process.stdout.write(machine())
  const t = makeBenchBackend()
  // Ten permits of four monitors: the first five's twenty monitors log the file, the others take the baseline.
  const site = await gasSite(t, { permits: 10, monitorsPerPermit: 4 })
  const token = site.tester.token
  const importFeeds = site.feeds.slice(0, monitors)
  const baselineFeeds = site.feeds.slice(monitors, 2 * monitors)
  const numberOf = new Map(site.permits.map((permit) => [permit.id, permit.number]))

  const firstAt = t.clock.now() + 1000
  const readings = createReadingSource(importFeeds, { breachEvery: 5000 }).batch(firstAt, rows)
  t.clock.advance(Math.ceil(rows / monitors) * 1000 + 60_000)
  const lines = readings.map(
    (r) =>
      `${new Date(r.loggedAt).toISOString()},${r.monitoredBy},${String(r.oxygenPercent)},${String(r.lelPercent)},${String(r.h2sPpm)},${String(r.coPpm)},${numberOf.get(r.permitId) ?? ''}`,
  )
  const header = 'Time,Serial,O2 (%VOL),LEL (%LEL),H2S (PPM),CO (PPM),Permit'
  const good = `${header}\n${lines.join('\n')}\n`
  // The same file with its first row's time given without a zone: refused, so nothing is kept.
  const refused = `${header}\n${(lines[0] ?? '').replace('Z,', ',')}\n${lines.slice(1).join('\n')}\n`
  const columns = {
    time: 'Time',
    serial: 'Serial',
    o2: 'O2 (%VOL)',
    lel: 'LEL (%LEL)',
    h2s: 'H2S (PPM)',
    co: 'CO (PPM)',
    permit: 'Permit',
  }
  const mapping = { time: 0, serial: 1, o2: 2, lel: 3, h2s: 4, co: 5, permit: 6 }

  // Baseline first, into the smaller table.
  const raw = new Database(t.backend.databaseFile)
  applyPragmas(raw)
  const insert = raw.prepare(
    'insert into monitor_readings (instrument_id, permit_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertAll = raw.transaction((stored: number[][]) => {
    for (const row of stored) insert.run(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8])
  })
  const feedIndex = new Map(importFeeds.map((feed, index) => [feed.serial, index]))
  const stored = readings.map((reading) => {
    const twin = baselineFeeds[feedIndex.get(reading.monitoredBy) ?? 0]
    return storedRow(
      { ...reading, permitId: twin?.permitId ?? 0 },
      site.instrumentIds.get(twin?.serial ?? '') ?? 0,
      t.clock.now(),
    )
  })
  let started = performance.now()
  for (let start = 0; start < stored.length; start += transactionRows)
    insertAll(stored.slice(start, start + transactionRows))
  const baselineMs = performance.now() - started
  raw.close()

  async function call<P extends ProcedurePath>(path: P, input: ProcedureInput<P>) {
    return t.ok(path, input, token)
  }

  /** Parses the file as the screen does and stages it; returns the time in parsing and in datalog.stage. */
  async function stageFile(
    csv: string,
    importId: number,
  ): Promise<{ parseMs: number; stageMs: number; calls: ReturnType<typeof summarize>; refused: number }> {
    let stageMs = 0
    const callMs: number[] = []
    let refusedRows = 0
    let pending: DatalogRow[] = []
    let line = 0
    const send = async () => {
      if (pending.length === 0) return
      const chunk = pending
      pending = []
      const sent = performance.now()
      refusedRows = (await call('datalog.stage', { importId, rows: chunk })).refused
      const took = performance.now() - sent
      stageMs += took
      callMs.push(took)
    }
    const begun = performance.now()
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(csv, {
        chunkSize: 1024 * 1024,
        skipEmptyLines: false,
        chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
          parser.pause()
          const work = async () => {
            for (const cells of results.data) {
              line += 1
              if (line === 1) continue
              const row = datalogRowOf(cells, line, mapping)
              if (!row) continue
              pending.push(row)
              if (pending.length >= maxStagedRowsPerCall) await send()
            }
          }
          work().then(
            () => parser.resume(),
            (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          )
        },
        complete: () => resolve(),
      })
    })
    await send()
    return { parseMs: performance.now() - begun - stageMs, stageMs, calls: summarize(callMs), refused: refusedRows }
  }

  started = performance.now()
  const sha = createHash('sha256').update(good).digest('hex')
  const hashMs = performance.now() - started

  // The rules alone: a file with its first row refused.
  const check = await call('datalog.begin', {
    fileName: 'refused.csv',
    fileSha256: createHash('sha256').update(refused).digest('hex'),
    fileBytes: Buffer.byteLength(refused),
    columns,
  })
  if (check.kind !== 'opened') throw new Error('the refused file was imported before?')
  const checkOnly = await stageFile(refused, check.importId)
  if (checkOnly.refused !== 1) throw new Error(`expected one refused row, got ${String(checkOnly.refused)}`)
  await call('datalog.discard', { importId: check.importId })

  const begun = performance.now()
  const opened = await call('datalog.begin', {
    fileName: 'good.csv',
    fileSha256: sha,
    fileBytes: Buffer.byteLength(good),
    columns,
  })
  if (opened.kind !== 'opened') throw new Error('the good file was imported before?')
  const staged = await stageFile(good, opened.importId)
  if (staged.refused !== 0) throw new Error(`${String(staged.refused)} rows of the good file were refused`)
  // A commit chunk holds the main thread from one progress event to the next, less the yield between.
  let lastProgress = 0
  let longestChunkMs = 0
  const unsubscribe = t.backend.bus.subscribe((message) => {
    if (message.name !== 'datalog.progress') return
    const now = performance.now()
    longestChunkMs = Math.max(longestChunkMs, now - lastProgress)
    lastProgress = now
  })
  started = performance.now()
  lastProgress = started
  const report = await call('datalog.commit', { importId: opened.importId, rows })
  const commitMs = performance.now() - started
  unsubscribe()
  const wholeMs = hashMs + performance.now() - begun
  if (report.stored !== rows) throw new Error(`stored ${String(report.stored)} of ${String(rows)}`)

  const mb = (Buffer.byteLength(good) / 1e6).toFixed(1)
  console.log(
    `Datalog import of ${rows.toLocaleString('en-US')} rows (${String(monitors)} monitors at 1 Hz, ${(rows / monitors / 3600).toFixed(1)} h; ${mb} MB of CSV; breaches found: ${report.breaches.map((b) => `${b.gas} ${b.level} ${String(b.count)}`).join(', ')})`,
  )
  const line = (label: string, ms: number) =>
    console.log(`  ${label.padEnd(58)} ${seconds(ms).padStart(9)}  ${rate(rows, ms)}`)
  line('hash: SHA-256 of the file', hashMs)
  line('parse: papaparse chunks, rows as the screen sends them', staged.parseMs)
  line('check: datalog.stage, every row checked, none kept', checkOnly.stageMs)
  line('check and stage: datalog.stage, every row kept', staged.stageMs)
  line('  of which staging (the difference)', staged.stageMs - checkOnly.stageMs)
  line('commit: datalog.commit, into readings, rollups, live values', commitMs)
  line('whole import: hash + parse + check + stage + commit', wholeMs)
  line('baseline: raw inserts of the same rows, 5,000 a transaction', baselineMs)
  console.log(`  the whole import takes ${(wholeMs / baselineMs).toFixed(1)} times the raw inserts`)
  console.log(
    `  the longest the main thread is held: a datalog.stage call of 5,000 rows ${ms(staged.calls.p50)} (median), ${ms(staged.calls.max)} (longest); a commit chunk of 5,000 at most ${ms(longestChunkMs)}`,
  )
  t.dispose()
}

void main()
