import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { procedurePolicy } from '../../src/shared/contract/policy'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import type { ProcedurePath } from '../../src/shared/contract/procedures'
import { roles } from '../../src/shared/contract/roles'
import { makeTestBackend } from '../support/test-backend'

const t = makeTestBackend()
let adminToken = ''
/** Holds every role, so only validation can stop its calls. */
let everyRoleToken = ''
afterAll(() => t.dispose())
beforeAll(async () => {
  adminToken = (await t.setupAdmin()).token
  everyRoleToken = (await t.userWithRoles(adminToken, 'every-role', [...roles])).token
})

/** Inputs the procedure's schema refuses: arbitrary values, and well-shaped objects with one bad field. */
function badInputs(path: ProcedurePath): fc.Arbitrary<unknown> {
  const schema = procedures[path].input
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
  const oneBadField =
    fields.length > 0
      ? fc
          .record({ field: fc.constantFrom(...fields), value: fc.anything() })
          .map(({ field, value }) => ({ [field]: value }))
      : fc.constant({ unexpected: true })
  return fc
    .oneof(
      fc.anything(),
      fc.object(),
      oneBadField,
      fc.string().map((extra) => ({ [`x${extra}`]: 1 })),
    )
    .filter((input) => !schema.safeParse(input ?? {}).success)
}

describe('dispatch(), the single gate', () => {
  it.each(procedurePaths)('%s refuses invalid input with VALIDATION and writes nothing', async (path) => {
    const token = procedurePolicy[path] === 'public' ? null : everyRoleToken
    const before = t.snapshot()
    await fc.assert(
      fc.asyncProperty(badInputs(path), async (input) => {
        const result = await t.call(path, input as Record<string, unknown>, token)
        expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION')
          expect(result.error.issues?.length).toBeGreaterThan(0)
          // The message names the first offending field, so a person knows where to look.
          expect(result.error.message).toContain(result.error.issues?.[0]?.field)
        }
      }),
      { numRuns: 40 },
    )
    expect(t.snapshot()).toBe(before)
  })

  const guarded = procedurePaths.filter((path) => procedurePolicy[path] !== 'public')
  it.each(guarded)('%s returns UNAUTHENTICATED without a session, and with a made-up token', async (path) => {
    for (const token of [null, 'not-a-real-session-token']) {
      const result = await t.call(path, {}, token)
      expect(result.ok ? 'ok' : result.error.code).toBe('UNAUTHENTICATED')
    }
  })

  const roleGuarded = procedurePaths.filter((path) => Array.isArray(procedurePolicy[path]))
  it.each(roleGuarded)('%s returns FORBIDDEN to a role the policy does not list', async (path) => {
    const allowed = procedurePolicy[path] as readonly string[]
    const outsider = roles.filter((role) => !allowed.includes(role))
    const session = await t.userWithRoles(adminToken, `outsider-${path.replace('.', '-').toLowerCase()}`, outsider)
    const before = t.auditCount()
    const result = await t.call(path, {}, session.token)
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN')
    expect(t.auditCount()).toBe(before)
  })

  it('answers an unknown procedure with NOT_FOUND', async () => {
    const result = await t.call('nope.nothing' as ProcedurePath, {}, adminToken)
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND')
  })

  it('never returns a password hash, even though handlers read user rows', async () => {
    const result = await t.call('users.list', {}, adminToken)
    expect(JSON.stringify(result)).not.toMatch(/scrypt|passwordHash/)
  })

  it('turns an unexpected failure into INTERNAL with a reference and no stack trace', async () => {
    const broken = makeTestBackend()
    try {
      const token = (await broken.setupAdmin()).token
      broken.backend.handlers['users.list'] = () => {
        throw new Error('secret internals at /src/main/x.ts:42')
      }
      // The dispatcher holds the same handler map object, so the broken handler is what runs.
      const result = await broken.call('users.list', {}, token)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('INTERNAL')
        expect(result.error.message).toMatch(/reference [0-9a-f]{8}/)
        expect(result.error.message).not.toContain('secret internals')
      }
      expect(broken.errors).toHaveLength(1)
    } finally {
      broken.dispose()
    }
  })
})
