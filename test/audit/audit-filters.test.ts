import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditFilter } from '../../src/shared/contract/audit'
import type { Role } from '../../src/shared/contract/roles'
import { makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

interface Row {
  seq: number
  at: number
  actorId: number | null
  action: string
  entityType: string
  entityId: string | null
  actorName: string
  before: string | null
  after: string | null
}

let t: TestBackend
let admin = ''
let rows: Row[] = []
const words = [
  'ada',
  'user',
  'requester',
  'auditor',
  'north',
  'site',
  'login',
  'created',
  'zzz',
  'us*',
  'user1*',
  'crea*',
  'Crea*',
  // More words begin with `k` than a search spells out (FTS5's own prefix search answers), twenty with `k1`.
  'k*',
  'k1*',
  'k219',
  // No word begins so: nothing matches.
  'qqq*',
  // Facet words the index holds for a person and an action (audit-facets.ts): nobody's typed words match them.
  'p1',
  'p1*',
  'a617574682e6c6f67696e',
]

/** FTS5's unicode61 words: letters and digits, lower-cased. A typed word matches a whole word, or with `*` its beginning, whatever its case. */
const tokensOf = (row: Row) =>
  [row.action, row.actorName, row.entityType, row.entityId ?? '', row.before ?? '', row.after ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** The filter, written the plain way: what every page together must hold, newest first. */
function expected(filter: AuditFilter): number[] {
  return rows
    .filter(
      (row) =>
        (filter.actorId === undefined || row.actorId === filter.actorId) &&
        (filter.action === undefined || row.action === filter.action || row.action.startsWith(`${filter.action}.`)) &&
        (filter.entityType === undefined || row.entityType === filter.entityType) &&
        (filter.entityId === undefined || row.entityId === filter.entityId) &&
        (filter.from === undefined || row.at >= filter.from) &&
        (filter.to === undefined || row.at <= filter.to) &&
        (filter.text === undefined ||
          filter.text
            .toLowerCase()
            .split(' ')
            .every((word) =>
              tokensOf(row).some((token) =>
                word.endsWith('*') ? token.startsWith(word.slice(0, -1)) : token === word,
              ),
            )),
    )
    .map((row) => row.seq)
    .reverse()
}

beforeAll(async () => {
  t = makeTestBackend()
  admin = (await t.setupAdmin()).token
  const roles: Role[][] = [['requester'], ['auditor'], ['requester', 'auditor']]
  for (let i = 0; i < 12; i += 1) {
    t.clock.advance(60_000 * (1 + (i % 4)))
    const user = await t.ok(
      'users.create',
      {
        username: `user${String(i)}`,
        displayName: `User ${String(i)}`,
        password: testPassword,
        roles: roles[i % 3] ?? [],
      },
      admin,
    )
    await t.ok('auth.login', { username: `user${String(i)}`, password: testPassword })
    if (i % 3 === 0) await t.ok('users.setRoles', { userId: user.id, roles: ['auditor'] }, admin)
    if (i % 4 === 1) await t.call('auth.login', { username: `user${String(i)}`, password: 'wrong password here' })
    if (i % 5 === 2)
      await t.ok(
        'sites.save',
        { code: `S${String(i)}`, name: `North ${String(i)}`, limitProfile: 'factory', maxTestAgeMinutes: 30 },
        admin,
      )
  }
  // Eighty words beginning with `k`, in four names of twenty.
  for (let i = 0; i < 4; i += 1)
    await t.ok(
      'users.create',
      {
        username: `many${String(i)}`,
        displayName: Array.from({ length: 20 }, (_, k) => `k${String(i)}${String(k).padStart(2, '0')}`).join(' '),
        password: testPassword,
        roles: ['requester'],
      },
      admin,
    )
  const sqlite = new Database(t.backend.databaseFile, { readonly: true })
  rows = sqlite
    .prepare(
      'select seq, at, actor_id as actorId, action, entity_type as entityType, entity_id as entityId, actor_name as actorName, before, after from audit_entries order by seq',
    )
    .all() as Row[]
  sqlite.close()
})
afterAll(() => t.dispose())

describe('filtering the audit trail', () => {
  it('returns, page after page, exactly the entries every part of the filter holds, newest first', async () => {
    const seqs = rows.map((row) => row.seq)
    const times = rows.map((row) => row.at)
    // One to three parts at a time: more would leave most filters empty, and the paging untested.
    const parts = {
      actorId: fc.constantFrom(...new Set(rows.map((row) => row.actorId ?? 1))),
      action: fc.constantFrom('auth', 'auth.login', 'auth.login_failed', 'user', 'user.created', 'site', 'permit'),
      entityType: fc.constantFrom('user', 'site', 'audit'),
      entityId: fc.constantFrom(...new Set(rows.map((row) => row.entityId ?? '1'))),
      from: fc.constantFrom(...times),
      to: fc.constantFrom(...times),
      text: fc.subarray(words, { minLength: 1, maxLength: 2 }).map((chosen) => chosen.join(' ')),
    }
    const filter = fc
      .subarray(Object.keys(parts) as (keyof typeof parts)[], { minLength: 1, maxLength: 3 })
      .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, parts[key]]))) as fc.Arbitrary<AuditFilter>)
    let paged = 0
    await fc.assert(
      fc.asyncProperty(filter, fc.integer({ min: 1, max: 7 }), async (chosen, limit) => {
        const got: number[] = []
        let beforeSeq: number | undefined
        for (let page = 0; page < seqs.length + 1; page += 1) {
          const answer = await t.ok('audit.list', { limit, filter: chosen, ...(beforeSeq ? { beforeSeq } : {}) }, admin)
          got.push(...answer.items.map((item) => item.seq))
          if (answer.nextBeforeSeq === null) break
          beforeSeq = answer.nextBeforeSeq
        }
        expect(got).toEqual(expected(chosen))
        if (got.length > limit) paged += 1
      }),
      { numRuns: 150 },
    )
    // The generated filters reach past one page often enough to test the paging, not only empty answers.
    expect(paged).toBeGreaterThan(20)
  })

  it('names each entity by its human name and says the entry in words', async () => {
    const { items } = await t.ok('audit.list', { filter: { action: 'user.roles_changed' }, limit: 1 }, admin)
    expect(items[0]).toMatchObject({
      entityLabel: 'User 9 (user9)',
      summary: 'Role Auditor given to User 9 (user9); role Requester taken from User 9 (user9)',
      user: 'ada',
      resource: 'user User 9 (user9)',
    })
    expect(items[0]?.timestamp).toBe(new Date(items[0]?.at ?? 0).toISOString())
    const failed = await t.ok('audit.list', { filter: { action: 'auth.login_failed' }, limit: 1 }, admin)
    expect(failed.items[0]?.summary).toMatch(/^Failed sign-in as User \d+ \(user\d+\)$/)
  })
})
