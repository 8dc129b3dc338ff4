import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditTrail } from '../../src/main/audit/audit-verifier'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 11: a long chain is verified in worker threads, a stretch each, then joined. Whatever an
 * attacker does to a copy (an entry's content changed, an entry removed, two swapped, the tail cut)
 * the threads must find exactly what one thread walking the whole chain finds, at the joints
 * between stretches as inside them.
 */

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
  )

describe('verifying the chain in worker threads', () => {
  it('finds exactly what one thread finds, whatever was done to the copy', async () => {
    await fc.assert(
      fc.asyncProperty(
        tamperings(fc.integer({ min: 1, max: entries - 1 })),
        fc.integer({ min: 2, max: 5 }),
        async (tampering, threads) => {
          const { file, db } = attackerCopy()
          if (tampering.kind === 'content')
            db.prepare("update audit_entries set actor_name = actor_name || ' (edited)' where seq = ?").run(
              tampering.seq,
            )
          if (tampering.kind === 'remove') db.prepare('delete from audit_entries where seq = ?').run(tampering.seq)
          if (tampering.kind === 'cut') db.prepare('delete from audit_entries where seq > ?').run(tampering.seq)
          if (tampering.kind === 'swap') {
            const columns = 'at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash'
            const row = (seq: number) =>
              Object.values(db.prepare(`select ${columns} from audit_entries where seq = ?`).get(seq) as object)
            const [a, b] = [row(tampering.seq), row(tampering.seq + 1)]
            const put = db.prepare(
              `update audit_entries set (${columns}) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) where seq = ?`,
            )
            put.run(...b, tampering.seq)
            put.run(...a, tampering.seq + 1)
          }
          const alone = await verifyAuditTrail(db, { threads: 1 })
          const split = await verifyAuditTrail(db, { threads, file: { path: file } })
          db.close()
          expect(split).toEqual(alone)
          if (tampering.kind === 'none' || tampering.kind === 'cut') expect(alone.firstBroken).toBeNull()
          else expect(alone.firstBroken?.seq).toBe(tampering.seq)
        },
      ),
      { numRuns: 25 },
    )
  })
})
