import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blocksCovering } from '../../src/main/audit/audit-facets'
import type { AuditFilter } from '../../src/shared/contract/audit'
import { expectedSeqs, readAuditRows, seqsOfEveryPage } from '../support/audit-model'
import type { AuditRow } from '../support/audit-model'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/** The seqs a block facet word stands for (`b8n3` is 768..1023). */
function spanOf(word: string): [number, number] {
  const [, bits, block] = /^b(\d+)n(\d+)$/.exec(word) ?? []
  const size = 2 ** Number(bits)
  return [Number(block) * size, (Number(block) + 1) * size - 1]
}

describe('the blocks of seqs a search covers a span with', () => {
  it('cover every seq of the span, side by side, reaching at most a small block beyond either end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 0, max: 2 ** 23 }), (lo, length) => {
        const hi = lo + length
        const spans = blocksCovering(lo, hi).map(spanOf)
        const first = spans[0]
        const last = spans.at(-1)
        expect(first?.[0]).toBeLessThanOrEqual(lo)
        expect(first?.[0]).toBeGreaterThan(lo - 256)
        expect(last?.[1]).toBeGreaterThanOrEqual(hi)
        expect(last?.[1]).toBeLessThan(hi + 256)
        spans.slice(1).forEach(([start], i) => expect(start).toBe((spans[i]?.[1] ?? 0) + 1))
        // Up to fifteen of each smaller size at either end, the largest ones between.
        expect(spans.length).toBeLessThanOrEqual(2 * 15 * 3 + 2 + Math.ceil(length / 2 ** 20) + 1)
      }),
      { numRuns: 2_000 },
    )
  })
})

let t: TestBackend
let admin = ''
let rows: AuditRow[] = []
const vocabulary = ['valve', 'tank', 'seal', 'gauge', 'vent']

beforeAll(async () => {
  t = makeTestBackend()
  admin = (await t.setupAdmin()).token
  // A trail of some 3,000 entries, so spans run across blocks of every small size. Appended by SQL
  // (the search index's trigger indexes them as it does any entry); the chain is not what is tested.
  const sqlite = new Database(t.backend.databaseFile)
  const head = sqlite.prepare('select seq, at from audit_entries order by seq desc limit 1').get() as {
    seq: number
    at: number
  }
  const insert = sqlite.prepare(
    "insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, 'permit', ?, null, ?, 'x', 'x')",
  )
  sqlite.transaction(() => {
    for (let k = 1; k <= 3_000; k += 1) {
      const words = vocabulary.filter((_, w) => (k * (w + 3)) % (w + 2) === 0).join(' ')
      insert.run(
        head.seq + k,
        head.at + k * 60_000,
        k % 3 === 0 ? null : 1 + (k % 2),
        k % 3 === 0 ? 'Gatehouse' : `Person ${String(1 + (k % 2))}`,
        k % 5 === 0 ? 'permit.close' : 'permit.created',
        String(k % 40),
        JSON.stringify({ note: `${words} k${String(k)}` }),
      )
    }
  })()
  sqlite.close()
  rows = readAuditRows(t.backend.databaseFile)
})
afterAll(() => t.dispose())

describe('searching a span of the trail', () => {
  it('returns, page after page, exactly the entries with the words in the span, newest first', async () => {
    const times = rows.map((row) => row.at)
    const filter = fc.record(
      {
        text: fc
          .subarray([...vocabulary, 'va*', 'k*', 'k12*', 'k2999', 'gatehouse'], { minLength: 1, maxLength: 2 })
          .map((chosen) => chosen.join(' ')),
        from: fc.constantFrom(...times),
        to: fc.constantFrom(...times),
        actorId: fc.constantFrom(1, 2),
        action: fc.constantFrom('permit', 'permit.close'),
      },
      { requiredKeys: ['text'] },
    ) as fc.Arbitrary<AuditFilter>
    let paged = 0
    await fc.assert(
      fc.asyncProperty(filter, fc.integer({ min: 5, max: 80 }), async (chosen, limit) => {
        const got = await seqsOfEveryPage(t, admin, chosen, limit)
        expect(got).toEqual(expectedSeqs(rows, chosen))
        if (got.length > limit) paged += 1
      }),
      { numRuns: 400 },
    )
    // Enough filters reach past a page that the pages deep in the trail (a span below the newest) are tested.
    expect(paged).toBeGreaterThan(40)
  })
})
