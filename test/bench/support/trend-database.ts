/**
 * A database for trend benches, built once and kept under the system's temp folder (delete the
 * folder, or change `version`, to build it again): five permits with four monitors each, so twenty
 * monitors; the last week at 1 Hz (about 12 million readings) and the 358 days before it every five
 * minutes (about 2 million more). Readings go through the reading store, so the rollups are the
 * store's own, as in production.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { applyPragmas } from '../../../src/main/db/database'
import { createReadingStore } from '../../../src/main/readings/reading-store'
import { makeBenchBackend } from './bench-backend'
import { gasSite } from './gas-feed'

const version = 'trend-db-v2'
const day = 86_400_000
const weekDays = Number(process.env.BENCH_TREND_DAYS ?? 7)
const historyDays = 358

export interface TrendDatabase {
  dataDir: string
  /** When the readings end: windows are measured back from here. */
  end: number
  permitIds: number[]
  spaceId: number
  instrumentId: number
  readings: number
  supervisor: { username: string; password: string }
}

export async function trendDatabase(log: (line: string) => void): Promise<TrendDatabase> {
  const home = path.join(os.tmpdir(), `gatehouse-bench-${version}-${String(weekDays)}d`)
  const meta = path.join(home, 'meta.json')
  if (fs.existsSync(meta)) return JSON.parse(fs.readFileSync(meta, 'utf8')) as TrendDatabase
  fs.rmSync(home, { recursive: true, force: true })
  const started = performance.now()
  const t = makeBenchBackend()
  const site = await gasSite(t, { permits: 5, monitorsPerPermit: 4 })
  const end = t.clock.now()
  const sqlite = new Database(t.backend.databaseFile)
  applyPragmas(sqlite)
  const store = createReadingStore(sqlite)
  const monitors = site.feeds.map((feed) => ({
    permitId: feed.permitId,
    instrumentId: site.instrumentIds.get(feed.serial) ?? 0,
  }))
  let readings = 0
  const steps: (number | null)[] = [2090, 0, 0, 10]
  /** Every monitor from `from` to `to` every `everyMs`, committed in slices of about 70,000 readings. */
  function write(from: number, to: number, everyMs: number) {
    const slice = everyMs >= 60_000 ? 10 * day : 3_600_000
    for (let at = from; at < to; at += slice) {
      sqlite.transaction(() => {
        const batch = store.batch()
        for (const [index, { permitId, instrumentId }] of monitors.entries())
          for (let taken = at; taken < Math.min(at + slice, to); taken += everyMs) {
            // Clean air with a little noise and, now and then, a short H2S excursion.
            const wave = Math.floor(taken / 1000 + index * 7)
            steps[0] = 2085 + (wave % 11)
            steps[1] = wave % 37 === 0 ? 12 : 0
            steps[2] = wave % 5003 === 0 ? 150 : wave % 3
            steps[3] = 10 + (wave % 7)
            batch.add(permitId, instrumentId, taken, 500, steps, 0)
            readings += 1
          }
        batch.finish(false)
      })()
      if ((at - from) % (24 * 3_600_000 * 10) === 0) log(`  building: ${readings.toLocaleString('en-US')} readings`)
    }
  }
  const weekStart = end - weekDays * day
  write(weekStart - historyDays * day, weekStart, 5 * 60_000)
  write(weekStart, end, 1000)
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  const built: TrendDatabase = {
    dataDir: home,
    end,
    permitIds: site.permits.map((p) => p.id),
    spaceId: (await t.ok('permits.get', { permitId: site.permits[0]?.id ?? 0 }, site.supervisor.token)).card.spaceId,
    instrumentId: monitors[0]?.instrumentId ?? 0,
    readings,
    supervisor: { username: 'sue', password: 'a long enough passphrase' },
  }
  fs.mkdirSync(home, { recursive: true })
  for (const name of fs.readdirSync(t.dataDir))
    fs.cpSync(path.join(t.dataDir, name), path.join(home, name), { recursive: true })
  t.dispose()
  fs.writeFileSync(meta, JSON.stringify(built))
  log(
    `  built ${readings.toLocaleString('en-US')} readings in ${((performance.now() - started) / 1000).toFixed(0)} s into ${home}`,
  )
  return built
}
