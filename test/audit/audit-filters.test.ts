import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditFilter } from '../../src/shared/contract/audit'
import type { Role } from '../../src/shared/contract/roles'
import { expectedSeqs, readAuditRows, seqsOfEveryPage } from '../support/audit-model'
import type { AuditRow } from '../support/audit-model'
import { makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
let admin = ''
let rows: AuditRow[] = []
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
  rows = readAuditRows(t.backend.databaseFile)
})
afterAll(() => t.dispose())

describe('filtering the audit trail', () => {
  it('returns, page after page, exactly the entries every part of the filter holds, newest first', async () => {
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
        const got = await seqsOfEveryPage(t, admin, chosen, limit)
        expect(got).toEqual(expectedSeqs(rows, chosen))
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
