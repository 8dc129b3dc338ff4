/**
 * Trend queries over a year of readings (test/bench/support/trend-database.ts: twenty monitors,
 * the last week at 1 Hz, the year before every five minutes; about 14 million readings).
 *
 * For each preset window ending at the newest reading, at 1,920 pixel columns: trends.query through
 * dispatch() (gate, validation, the service) for one permit (four monitors, sixteen series): p50
 * and p95 of 100 runs (with 20 the p95 would be the slowest run), the points returned and the
 * most in one pixel column of one series; beside it the same window read raw (every reading of
 * those four monitors in the window, by primary key). Then the database's bytes per reading.
 * Figures only; nothing here passes or fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createBackend } from '../../src/main/backend'
import { trendPresetMs, trendPresets } from '../../src/shared/contract/trends'
import type { TrendDto } from '../../src/shared/contract/trends'
import { fastHasher, longSessions, manualClock } from '../support/test-backend'
import { ms, summarize } from './stats'
import { machine } from './support/machine'
import { trendDatabase } from './support/trend-database'

const runs = 100
const width = 1920

function mostInOneColumn(trend: TrendDto): number {
  let most = 0
  for (const series of trend.series) {
    const perColumn = new Map<number, number>()
    for (let index = 0; index < series.times.length; index++) {
      const at = series.times[index] ?? 0
      if (series.values[index] === null) continue
      const column = Math.floor((at - trend.from) / trend.columnMs)
      const count = (perColumn.get(column) ?? 0) + 1
      perColumn.set(column, count)
      most = Math.max(most, count)
    }
  }
  return most
}

async function main() {
  console.log(machine())
  const built = await trendDatabase((line) => console.log(line))
  const clock = manualClock(built.end)
  const backend = createBackend({ dataDir: built.dataDir }, { clock, hasher: fastHasher, sessionPolicy: longSessions })
  const login = await backend.dispatch('auth.login', built.supervisor, { token: null })
  if (!login.result.ok) throw new Error(`sign-in failed: ${login.result.error.message}`)
  const token = (login.result.value as { token: string }).token
  const permitId = built.permitIds[0] ?? 0
  const raw = new Database(backend.databaseFile, { readonly: true })
  const rawWindow = raw.prepare(
    'select taken_at, o2, lel, h2s, co from monitor_readings where permit_id = ? and instrument_id = ? and taken_at between ? and ?',
  )
  const monitors = raw
    .prepare('select distinct instrument_id as id from live_values where permit_id = ?')
    .pluck()
    .all(permitId) as number[]

  console.log(
    `Trend queries at ${String(width)} px, one permit (${String(monitors.length)} monitors, ${String(monitors.length * 4)} series), ` +
      `${built.readings.toLocaleString('en-US')} readings in the database, ${String(runs)} runs each\n`,
  )
  console.log('  window   source  trends.query p50 / p95       points  most a column   raw read: rows, time')
  let worstP95 = 0
  let worstColumn = 0
  for (const preset of trendPresets) {
    const to = built.end
    const from = to - trendPresetMs[preset]
    const input = { subject: { kind: 'permit', permitId }, from, to, width }
    let trend: TrendDto | null = null
    const samples: number[] = []
    for (let run = 0; run < runs + 2; run++) {
      const started = performance.now()
      const { result } = await backend.dispatch('trends.query', input, { token })
      const took = performance.now() - started
      if (!result.ok) throw new Error(`trends.query failed: ${result.error.message}`)
      trend = result.value as TrendDto
      if (run >= 2) samples.push(took)
    }
    if (!trend) continue
    const stats = summarize(samples)
    const points = trend.series.reduce((sum, series) => sum + series.times.length, 0)
    const most = mostInOneColumn(trend)
    // The same window read raw, once warm.
    let rows = 0
    for (const id of monitors) rawWindow.all(permitId, id, from, to)
    const rawStarted = performance.now()
    for (const id of monitors) rows += rawWindow.all(permitId, id, from, to).length
    const rawMs = performance.now() - rawStarted
    worstP95 = Math.max(worstP95, stats.p95)
    worstColumn = Math.max(worstColumn, most)
    console.log(
      `  ${preset.padEnd(7)}  ${trend.resolution.padEnd(6)}  ${ms(stats.p50).padStart(10)} / ${ms(stats.p95).padStart(10)}  ` +
        `${points.toLocaleString('en-US').padStart(8)}  ${String(most).padStart(13)}   ${rows.toLocaleString('en-US').padStart(10)}, ${ms(rawMs)}`,
    )
  }
  console.log(
    `\n  target: p95 at most 25 ms for every window -> ${worstP95 <= 25 ? 'met' : 'NOT met'} (worst ${ms(worstP95)})`,
  )
  console.log(
    `  target: at most four points per pixel column -> ${worstColumn <= 4 ? 'met' : 'NOT met'} (most ${String(worstColumn)})`,
  )

  const file = backend.databaseFile
  const bytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0)
  const table = (name: string) =>
    (raw.prepare('select coalesce(sum(pgsize), 0) as bytes from dbstat where name = ?').get(name) as { bytes: number })
      .bytes
  const readings = table('monitor_readings')
  const rollups = table('reading_rollups_minute') + table('reading_rollups_hour')
  const per = (value: number) => (value / built.readings).toFixed(1)
  console.log(
    `\nDatabase bytes per reading (${built.readings.toLocaleString('en-US')} readings, ${(bytes / 2 ** 30).toFixed(2)} GiB file)\n`,
  )
  console.log(`  monitor_readings ${per(readings)}, minute and hour rollups ${per(rollups)}, whole file ${per(bytes)}`)
  console.log(`  (${path.basename(built.dataDir)} is kept for the next run)`)
  raw.close()
  backend.close()
}

void main()
