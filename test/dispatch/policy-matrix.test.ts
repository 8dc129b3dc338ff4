import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allows, procedurePolicy } from '../../src/shared/contract/policy'
import { procedurePaths } from '../../src/shared/contract/procedures'
import { roles } from '../../src/shared/contract/roles'
import type { Role } from '../../src/shared/contract/roles'
import { makeTestBackend } from '../support/test-backend'

/**
 * The policy as implemented, generated from the table: for every procedure and every role, a
 * person holding only that role is turned away with FORBIDDEN exactly when the table does not list
 * the role, and otherwise reaches the procedure (which then judges the input). The probe input is
 * refused by every schema, so nothing runs and nothing is written either way.
 */
const t = makeTestBackend()
afterAll(() => t.dispose())
const tokenOf = new Map<Role, string>()
beforeAll(async () => {
  const admin = await t.setupAdmin()
  for (const role of roles) tokenOf.set(role, (await t.userWithRoles(admin.token, `only-${role}`, [role])).token)
})

const probe = { 'policy-matrix-probe': true }
const guarded = procedurePaths.filter((path) => procedurePolicy[path] !== 'public')

describe('the policy matrix, procedure by role', () => {
  it.each(guarded)('%s admits exactly the roles its policy lists', async (path) => {
    const before = t.snapshot()
    const outcome: Record<string, string> = {}
    const expected: Record<string, string> = {}
    for (const role of roles) {
      const result = await t.call(path, probe, tokenOf.get(role) ?? null)
      outcome[role] = result.ok ? 'ok' : result.error.code
      // Admitted, the call meets the procedure's own schema, which refuses the probe.
      expected[role] = allows(procedurePolicy[path], [role]) ? 'VALIDATION' : 'FORBIDDEN'
    }
    expect(outcome).toEqual(expected)
    expect(t.snapshot()).toBe(before)
  })
})
