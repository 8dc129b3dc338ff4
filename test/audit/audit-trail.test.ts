import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genesisHash } from '../../src/main/audit/audit-chain'
import { verifyAuditChain } from '../../src/main/audit/audit-verifier'
import * as schema from '../../src/main/db/schema'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import type { ProcedurePath } from '../../src/shared/contract/procedures'
import { adminAccount, makeTestBackend, testPassword } from '../support/test-backend'

const t = makeTestBackend()
afterAll(() => t.dispose())

const latestEntries = (n: number) =>
  t.backend.dispatch('audit.list', { limit: n }, { token: adminToken }).then(({ result }) => {
    if (!result.ok) throw new Error(result.error.message)
    return (result.value as { items: { seq: number; action: string; prevHash: string; hash: string }[] }).items
  })

let adminToken = ''

/** One valid call per command, in an order that works on a fresh database. */
const commandScript: { path: ProcedurePath; run: () => Promise<unknown> }[] = [
  { path: 'auth.setupFirstAdmin', run: async () => (adminToken = (await t.setupAdmin()).token) },
  { path: 'auth.signUp', run: () => t.ok('auth.signUp', { username: 'sam', displayName: 'Sam', password: testPassword }) },
  { path: 'auth.login', run: () => t.ok('auth.login', { username: 'sam', password: testPassword }) },
  {
    path: 'users.create',
    run: () => t.ok('users.create', { username: 'sue', displayName: 'Sue', password: testPassword, roles: ['supervisor'] }, adminToken),
  },
  { path: 'users.setRoles', run: () => t.ok('users.setRoles', { userId: 2, roles: ['requester', 'entrant'] }, adminToken) },
  { path: 'users.setActive', run: () => t.ok('users.setActive', { userId: 2, active: false, reason: 'left' }, adminToken) },
  {
    path: 'auth.changePassword',
    run: () =>
      t.ok('auth.changePassword', { currentPassword: adminAccount.password, newPassword: 'a brand new passphrase' }, adminToken),
  },
  { path: 'system.backup', run: () => t.ok('system.backup', {}, adminToken) },
  { path: 'auth.logout', run: async () => {
      const session = await t.ok('auth.login', { username: 'sue', password: testPassword })
      return t.ok('auth.logout', {}, session.token)
    },
  },
]

describe('the audit trail', () => {
  it('has a scripted call for every command of the contract', () => {
    const commands = procedurePaths.filter((path) => procedures[path].kind === 'command').sort()
    expect([...new Set(commandScript.map((step) => step.path))].sort()).toEqual(commands)
  })

  it('gets exactly one new entry per command, chained to the one before', async () => {
    for (const step of commandScript) {
      const before = t.auditCount()
      // auth.logout's step signs in first, which is a command of its own.
      const extra = step.path === 'auth.logout' ? 1 : 0
      await step.run()
      expect(t.auditCount(), step.path).toBe(before + 1 + extra)
      const [latest, previous] = await latestEntries(2)
      expect(latest?.prevHash, step.path).toBe(previous?.hash ?? genesisHash)
    }
    const verification = await t.ok('audit.verify', {}, adminToken)
    expect(verification).toMatchObject({ intact: true, checked: t.auditCount(), firstBroken: null })
  })

  it('refuses to update or delete an entry through SQL', () => {
    const writer = new Database(t.backend.databaseFile)
    try {
      expect(() => writer.prepare("update audit_entries set action = 'x' where seq = 1").run()).toThrow(/append-only/)
      expect(() => writer.prepare('delete from audit_entries where seq = 1').run()).toThrow(/append-only/)
    } finally {
      writer.close()
    }
  })
})

describe('tamper evidence', () => {
  let entries = 0
  beforeAll(() => {
    // Runs after the trail above was written: a chain of every kind of command.
    entries = t.auditCount()
    expect(entries).toBeGreaterThan(8)
  })

  const fields = ['at', 'actor_name', 'actor_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'prev_hash', 'hash'] as const

  it('breaks verification exactly at the entry someone changed, whatever the field', async () => {
    let copyNumber = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: entries }), fc.constantFrom(...fields), async (seq, field) => {
        const copy = path.join(t.dataDir, `tampered-${(copyNumber += 1)}.db`)
        const source = new Database(t.backend.databaseFile, { readonly: true })
        source.prepare('vacuum into ?').run(copy)
        source.close()
        // An attacker with the file drops our guard triggers first.
        const attacker = new Database(copy)
        attacker.exec('drop trigger audit_entries_no_update; drop trigger audit_entries_no_delete;')
        const value = field === 'at' || field === 'actor_id' ? 424242 : 'forged'
        attacker.prepare(`update audit_entries set ${field} = ? where seq = ?`).run(value, seq)
        const result = await verifyAuditChain(drizzle(attacker, { schema }))
        attacker.close()
        expect(result.intact).toBe(false)
        expect(result.firstBroken?.seq).toBe(seq)
      }),
      { numRuns: 30 },
    )
  })

  it('reports a deleted entry as missing at its sequence number', async () => {
    const copy = path.join(t.dataDir, 'deleted.db')
    const source = new Database(t.backend.databaseFile, { readonly: true })
    source.prepare('vacuum into ?').run(copy)
    source.close()
    const attacker = new Database(copy)
    attacker.exec('drop trigger audit_entries_no_delete; delete from audit_entries where seq = 3;')
    const result = await verifyAuditChain(drizzle(attacker, { schema }))
    attacker.close()
    expect(result.firstBroken).toEqual({ seq: 3, reason: 'entry 3 is missing' })
  })
})
