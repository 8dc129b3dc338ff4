/**
 * The audit trail at scale: 1,000,000 entries. In-process p95 of the audit page's first page and
 * of each kind of filter; the verification rate (the whole chain, in-process and by the CLI's
 * path); the rate of exporting the whole trail as CSV. The history is appended by SQL with real
 * hashes (through the chain's own hashing and the FTS trigger), as years of use would leave it.
 * Figures only; nothing here passes or fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { genesisHash, hashAuditContent, sha256 } from '../../src/main/audit/audit-chain'
import { verifyAuditTrail } from '../../src/main/audit/audit-verifier'
import { canonicalSql, defaultChunkSize } from '../../src/main/audit/chain-walk'
import { createBackend } from '../../src/main/backend'
import { createScryptHasher } from '../../src/main/identity/password-hasher'
import { manualClock } from '../support/test-backend'
import { machine } from './support/machine'
import { ms, summarize, time } from './stats'

const entries = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000)
const runs = Number(process.env.BENCH_RUNS ?? 200)
const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)] ?? NaN
const actions = [
  'permit.created',
  'permit.authorized',
  'entry.recorded',
  'exit.recorded',
  'auth.login',
  'readings.ingested',
  'access.request.filed',
  'user.roles_changed',
]

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'))
  // A clock of its own keeps the console's schedules (backup, integrity check, the simulator) from running meanwhile.
  const backend = createBackend(
    { dataDir },
    { hasher: createScryptHasher({ log2N: 10, r: 8, p: 1 }), clock: manualClock(Date.now()) },
  )
  const call = async (procedure: string, input: unknown, token: string | null) => {
    const { result } = await backend.dispatch(procedure, input, { token })
    if (!result.ok) throw new Error(`${procedure}: ${result.error.message}`)
    return result.value as never
  }
  const admin: { token: string; user: { id: number } } = await call(
    'auth.setupFirstAdmin',
    { username: 'bench', displayName: 'Bench', password: 'benchmark passphrase' },
    null,
  )

  // A year of history, continuing the chain from its head with the chain's own hashing.
  const seedStart = performance.now()
  const sql = new Database(backend.databaseFile)
  const last = sql.prepare('select seq, hash, at from audit_entries order by seq desc limit 1').get() as {
    seq: number
    hash: string
    at: number
  }
  const insert = sql.prepare(
    'insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  let previous = { seq: last.seq, hash: last.hash ?? genesisHash }
  // One entry every 30 s from the head on: times follow commit order, as they do in use.
  const start = last.at + 30_000
  const seed = sql.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const action = actions[i % actions.length] ?? 'auth.login'
      const content = {
        seq: previous.seq + 1,
        at: start + i * 30_000,
        actorId: 1 + (i % 500),
        actorName: `user${String(i % 500)}`,
        action,
        entityType: action.startsWith('access') ? 'access_request' : action.startsWith('user') ? 'user' : 'permit',
        entityId: String(1 + (i % 20_000)),
        before: i % 3 === 0 ? `{"state":"draft"}` : null,
        after: `{"note":"seeded entry ${String(i)} tank ${String(i % 97)}","person":"Worker ${String(i % 300)}"}`,
        prevHash: previous.hash,
      }
      const hash = hashAuditContent(content)
      insert.run(
        content.seq,
        content.at,
        content.actorId,
        content.actorName,
        content.action,
        content.entityType,
        content.entityId,
        content.before,
        content.after,
        content.prevHash,
        hash,
      )
      previous = { seq: content.seq, hash }
    }
  })
  for (let from = 0; from < entries; from += 50_000) seed(from, Math.min(entries, from + 50_000))
  sql.close()
  // The history on disk before anything is timed: the kernel's writeback of the 600 MB just written
  // would otherwise share the cores with the reads and the verification measured below.
  for (const file of [backend.databaseFile, `${backend.databaseFile}-wal`]) {
    const descriptor = fs.openSync(file, 'r+')
    fs.fsyncSync(descriptor)
    fs.closeSync(descriptor)
  }
  console.log(`The audit trail with ${entries.toLocaleString('en')} entries ${machine()}`)
  console.log(
    `  history appended by SQL (real hashes, FTS trigger) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  )

  const token = admin.token
  const mid = start + Math.floor(entries / 2) * 30_000
  const reads = [
    { name: 'first page, no filter (50)', filter: {} },
    { name: 'one person (actorId)', filter: { actorId: 7 } },
    { name: 'one action (entry.recorded)', filter: { action: 'entry.recorded' } },
    { name: 'an action family (permit)', filter: { action: 'permit' } },
    { name: 'one entity (permit 1234)', filter: { entityType: 'permit', entityId: '1234' } },
    { name: 'a day in the middle of the trail', filter: { from: mid, to: mid + 86_400_000 } },
    { name: 'free text, a common word (tank)', filter: { text: 'tank' } },
    { name: 'free text, four words (tank 13 worker 42)', filter: { text: 'tank 13 worker 42' } },
    { name: 'free text, a word’s beginning (seed*)', filter: { text: 'seed*' } },
    { name: 'free text, a beginning of many words (tank 1*)', filter: { text: 'tank 1*' } },
    { name: 'person + family + text', filter: { actorId: 7, action: 'permit', text: 'tank' } },
    { name: 'person + a common word (7, tank)', filter: { actorId: 7, text: 'tank' } },
    {
      name: 'entity + a common word (permit 1234, tank)',
      filter: { entityType: 'permit', entityId: '1234', text: 'tank' },
    },
    { name: 'action + a rare word (entry.recorded, 4242)', filter: { action: 'entry.recorded', text: '4242' } },
    { name: 'a day + a common word (tank)', filter: { from: mid, to: mid + 86_400_000, text: 'tank' } },
    { name: 'a page halfway down a common word (tank)', filter: { text: 'tank' }, beforeSeq: Math.floor(entries / 2) },
  ]
  console.log(`In-process, ${runs} calls each (warm-up excluded); target p95 at most 20 ms`)
  for (const read of reads) {
    const run = () =>
      backend.dispatch(
        'audit.list',
        { filter: read.filter, ...('beforeSeq' in read ? { beforeSeq: read.beforeSeq } : {}) },
        { token },
      )
    await time(10, run)
    const samples = await time(runs, run)
    const s = summarize(samples)
    console.log(`  ${read.name.padEnd(44)} p50 ${ms(s.p50)}  p95 ${ms(p95(samples))}  p99 ${ms(s.p99)}`)
  }

  console.log('\nVerification of the whole chain; target at least 1,000,000 entries/s')
  const reader = new Database(backend.databaseFile, { readonly: true })
  // One thread (the baseline), then the default: a thread per core (at most 8), as the console and
  // the CLI do. Each way walks the chain several times, since one walk of about a second is at the
  // mercy of whatever else the machine does in that second; the median is the figure.
  const verifyRuns = Number(process.env.BENCH_VERIFY_RUNS ?? 5)
  const medians: number[] = []
  for (const [label, options] of [
    ['one thread', { threads: 1 }],
    [
      `${String(Math.min(os.availableParallelism(), 8))} threads (one per core)`,
      { file: { path: backend.databaseFile } },
    ],
  ] as const) {
    const rates: number[] = []
    let checked = 0
    for (let run = 0; run < verifyRuns; run += 1) {
      const verifyStart = performance.now()
      const verified = await verifyAuditTrail(reader, options)
      const verifySeconds = (performance.now() - verifyStart) / 1000
      if (!verified.intact) throw new Error(`${label}: the chain did not verify`)
      checked = verified.checked
      rates.push(checked / verifySeconds)
    }
    const median = medianOf(rates)
    medians.push(median)
    console.log(
      `  ${label.padEnd(28)} ${checked.toLocaleString('en')} entries, intact, median ${perSecond(median)} (runs: ${rates.map((rate) => Math.round(rate).toLocaleString('en')).join(', ')})`,
    )
  }
  const [oneThread = NaN, perCore = NaN] = medians
  console.log(`  one per core walks ${(perCore / oneThread).toFixed(2)} times as fast as one thread`)
  printFloor(reader, verifyRuns)
  reader.close()

  console.log('\nExport of the whole trail as CSV (entries in words, the templates’ shape, the chain fields)')
  const exportStart = performance.now()
  const file: { rows: number; bytes: number } = await call('audit.export', { format: 'csv' }, token)
  const exportSeconds = (performance.now() - exportStart) / 1000
  console.log(
    `  ${file.rows.toLocaleString('en')} entries, ${(file.bytes / 1e6).toFixed(0)} MB in ${exportSeconds.toFixed(1)} s: ${Math.round(file.rows / exportSeconds).toLocaleString('en')} entries/s`,
  )
  backend.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en')} entries/s`

/**
 * The floor under the verification rate, on this machine today: one core reading every entry's
 * canonical text from SQLite in chunks (nothing hashed), and one core hashing texts already in
 * memory (nothing read). The walk does both for every entry, so its rate on one thread stays below
 * either; the host's speed moves all three together from one day to the next.
 */
function printFloor(reader: Database.Database, repeats: number): void {
  const texts = reader
    .prepare(
      `select cast(group_concat(${canonicalSql}, char(30)) as blob) from audit_entries where seq > ? and seq <= ?`,
    )
    .pluck()
  const head = reader.prepare('select max(seq) from audit_entries').pluck().get() as number
  const reads: number[] = []
  for (let run = 0; run < repeats; run += 1) {
    const start = performance.now()
    for (let after = 0; after < head; after += defaultChunkSize) texts.get(after, after + defaultChunkSize)
    reads.push(head / ((performance.now() - start) / 1000))
  }
  // A sample of 100,000 texts, held in memory, hashed one by one as the walk does.
  const sample = reader
    .prepare(`select cast(${canonicalSql} as blob) from audit_entries where seq <= 100000`)
    .pluck()
    .all() as Buffer[]
  const hashes: number[] = []
  for (let run = 0; run < repeats; run += 1) {
    const start = performance.now()
    for (const text of sample) sha256(text)
    hashes.push(sample.length / ((performance.now() - start) / 1000))
  }
  console.log(
    `  the floor on one core today: reading the texts alone ${perSecond(medianOf(reads))}, hashing them alone ${perSecond(medianOf(hashes))} (medians of ${String(repeats)})`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
