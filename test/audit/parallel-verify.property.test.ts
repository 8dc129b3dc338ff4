import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genesisHash, hashAuditContent } from '../../src/main/audit/audit-chain'
import type { AuditContent } from '../../src/main/audit/audit-chain'
import { verifyAuditTrail, walkInWorker } from '../../src/main/audit/audit-verifier'
import { joinChunks, planChunks } from '../../src/main/audit/chain-chunks'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 11: a long chain is verified a chunk at a time (each chunk checked whole, then entry by
 * entry on any doubt), the chunks claimed one by one by the main thread and worker threads, then
 * joined. Whatever an attacker does to a copy (an entry's content changed, an entry removed, two
 * swapped, the tail cut, a hash or a link given a comma or upper case, a value made a blob) the
 * verifier must find exactly what a plain walk finds (every entry in order, hashed by the
 * appender's own canonical form), with any chunk size, any number of threads and any share of the
 * chunks each takes: at the joints between chunks as inside them.
 */

interface StoredEntry extends AuditContent {
  hash: unknown
}

/** The reference: every entry in seq order, read into JavaScript and hashed as the appender does. */
function plainWalk(db: Database.Database) {
  const entries = db
    .prepare(
      'select seq, at, actor_id as actorId, actor_name as actorName, action, entity_type as entityType, entity_id as entityId, before, after, prev_hash as prevHash, hash from audit_entries order by seq',
    )
    .all() as StoredEntry[]
  let previous = { seq: 0, hash: genesisHash as unknown }
  let checked = 0
  const broken = (seq: number, reason: string) => ({ checked, firstBroken: { seq, reason } })
  for (const entry of entries) {
    const { hash, ...content } = entry
    if (entry.seq < 1) return broken(entry.seq, 'it lies before the first entry of the chain')
    if (entry.seq !== previous.seq + 1) return broken(previous.seq + 1, `entry ${String(previous.seq + 1)} is missing`)
    if (Object.values(entry).some((value) => value !== null && typeof value !== 'string' && typeof value !== 'number'))
      return broken(entry.seq, 'its content cannot be read as text')
    if (entry.prevHash !== previous.hash) return broken(entry.seq, 'its link to the previous entry does not match')
    if (hashAuditContent(content) !== hash) return broken(entry.seq, 'its content does not match its hash')
    previous = { seq: entry.seq, hash }
    checked += 1
  }
  return { checked, firstBroken: null }
}

let t: TestBackend
let entries = 0
beforeAll(async () => {
  t = makeTestBackend()
  const admin = (await t.setupAdmin()).token
  for (let i = 0; i < 30; i += 1)
    await t.ok(
      'users.create',
      {
        username: `user${String(i)}`,
        displayName: `User ${String(i)}`,
        password: 'a long enough passphrase',
        roles: ['requester'],
      },
      admin,
    )
  const db = new Database(t.backend.databaseFile, { readonly: true })
  entries = db.prepare('select max(seq) from audit_entries').pluck().get() as number
  db.close()
})
afterAll(() => t.dispose())

let copies = 0
/** A copy of the database as an attacker with the file would have it, its guard triggers dropped. */
function attackerCopy(): { file: string; db: Database.Database } {
  const file = path.join(t.dataDir, `attacked-${String((copies += 1))}.db`)
  const source = new Database(t.backend.databaseFile, { readonly: true })
  source.prepare('vacuum into ?').run(file)
  source.close()
  const db = new Database(file)
  db.exec('drop trigger audit_entries_no_update; drop trigger audit_entries_no_delete;')
  return { file, db }
}

const tamperings = (seq: fc.Arbitrary<number>) =>
  fc.oneof(
    fc.record({ kind: fc.constant('none' as const) }),
    fc.record({ kind: fc.constant('content' as const), seq }),
    fc.record({ kind: fc.constant('remove' as const), seq }),
    fc.record({ kind: fc.constant('swap' as const), seq }),
    fc.record({ kind: fc.constant('cut' as const), seq }),
    fc.record({ kind: fc.constant('hash with a comma' as const), seq }),
    fc.record({ kind: fc.constant('hash in upper case' as const), seq }),
    fc.record({ kind: fc.constant('link with a comma, rehashed' as const), seq }),
    fc.record({ kind: fc.constant('blob' as const), seq }),
    // An entry forged before the chain's first: it lies outside every chunk the walk reads.
    fc.record({ kind: fc.constant('forged before the first' as const), seq }),
  )

type Tampering = ReturnType<typeof tamperings> extends fc.Arbitrary<infer T> ? T : never

const contentColumns =
  'seq, at, actor_id as actorId, actor_name as actorName, action, entity_type as entityType, entity_id as entityId, before, after, prev_hash as prevHash'

function tamper(db: Database.Database, tampering: Tampering): void {
  if (tampering.kind === 'none') return
  const { seq } = tampering
  if (tampering.kind === 'content')
    db.prepare("update audit_entries set actor_name = actor_name || ' (edited)' where seq = ?").run(seq)
  if (tampering.kind === 'remove') db.prepare('delete from audit_entries where seq = ?').run(seq)
  if (tampering.kind === 'cut') db.prepare('delete from audit_entries where seq > ?').run(seq)
  if (tampering.kind === 'swap') {
    const columns = 'at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash'
    const row = (at: number) =>
      Object.values(db.prepare(`select ${columns} from audit_entries where seq = ?`).get(at) as object)
    const [a, b] = [row(seq), row(seq + 1)]
    const put = db.prepare(`update audit_entries set (${columns}) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) where seq = ?`)
    put.run(...b, seq)
    put.run(...a, seq + 1)
  }
  if (tampering.kind === 'hash with a comma')
    db.prepare("update audit_entries set hash = substr(hash, 1, 32) || ',' || substr(hash, 33) where seq = ?").run(seq)
  if (tampering.kind === 'hash in upper case')
    db.prepare('update audit_entries set hash = upper(hash) where seq = ?').run(seq)
  if (tampering.kind === 'link with a comma, rehashed') {
    // Only the link is wrong: the entry hashes to its stored hash, so the chain breaks at it alone.
    const content = db.prepare(`select ${contentColumns} from audit_entries where seq = ?`).get(seq) as AuditContent
    const prevHash = `x,${content.prevHash}`
    db.prepare('update audit_entries set prev_hash = ?, hash = ? where seq = ?').run(
      prevHash,
      hashAuditContent({ ...content, prevHash }),
      seq,
    )
  }
  if (tampering.kind === 'forged before the first')
    db.prepare(
      'insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) select 1 - ?, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash from audit_entries where seq = ?',
    ).run(seq, seq)
  if (tampering.kind === 'blob')
    db.prepare('update audit_entries set after = cast(after as blob) where seq = ?').run(seq)
}

describe('verifying the chain in worker threads', () => {
  it('finds exactly what a plain walk finds, whatever was done to the copy, with any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        tamperings(fc.integer({ min: 1, max: entries - 1 })),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 9 }),
        async (tampering, threads, chunkSize) => {
          const { file, db } = attackerCopy()
          tamper(db, tampering)
          const reference = plainWalk(db)
          const alone = await verifyAuditTrail(db, { threads: 1, chunkSize })
          const split = await verifyAuditTrail(db, { threads, chunkSize, file: { path: file } })
          const whole = await verifyAuditTrail(db, { threads: 1 })
          // Workers alone, so their side is walked whatever the main thread would have taken first.
          const plan = planChunks(db, chunkSize)
          const byWorkers = joinChunks(
            (await Promise.all(Array.from({ length: threads }, () => walkInWorker({ file, plan })))).flat(),
            plan,
          )
          db.close()
          expect(alone).toMatchObject(reference)
          expect(split).toEqual(alone)
          expect(whole).toEqual(alone)
          expect(byWorkers).toEqual({
            checked: alone.checked,
            headSeq: alone.headSeq,
            headHash: alone.headHash,
            firstBroken: alone.firstBroken,
          })
          if (tampering.kind === 'none' || tampering.kind === 'cut') expect(alone.firstBroken).toBeNull()
          else
            expect(alone.firstBroken?.seq).toBe(
              tampering.kind === 'forged before the first' ? 1 - tampering.seq : tampering.seq,
            )
        },
      ),
      {
        numRuns: 40,
        // A link with a comma on the second and last entry of a chunk of two: the chunk's links would
        // seem to hold, and the break be blamed on the entry before.
        examples: [
          [{ kind: 'link with a comma, rehashed', seq: Math.ceil(entries / 2) + 2 }, 2, 2],
          // An entry at seq 0, before the first chunk: the walk alone never reads it.
          [{ kind: 'forged before the first', seq: 1 }, 2, 1],
        ],
      },
    )
  })
})
