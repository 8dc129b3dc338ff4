import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import type { ProcedurePath } from '../../src/shared/contract/procedures'
import { roles } from '../../src/shared/contract/roles'
import { makeTestBackend, testPassword } from '../support/test-backend'

/**
 * Issue 6, item 6: a lone UTF-16 surrogate cannot be stored as UTF-8 without becoming
 * replacement characters, so the stored row would differ from its audit entry. The gate refuses
 * it for every procedure, naming the field, before anything runs.
 */

const t = makeTestBackend()
let everyRoleToken = ''
afterAll(() => t.dispose())
beforeAll(async () => {
  const admin = await t.setupAdmin()
  everyRoleToken = (await t.userWithRoles(admin.token, 'every-role', [...roles])).token
})

const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDE00')

/** Text with one lone surrogate somewhere in it (a pair cut in half, or a stray half). */
const illFormed = fc
  .tuple(fc.string({ maxLength: 8 }), loneSurrogate, fc.string({ maxLength: 8 }))
  .map(([before, half, after]) => `${before}${half}${after}`)
  .filter((text) => {
    // encodeURIComponent throws on exactly what is not well-formed UTF-16.
    try {
      encodeURIComponent(text)
      return false
    } catch {
      return true
    }
  })

/** The procedure's own field names where it has them, so the bad text sits where real text goes. */
function fieldNames(path: ProcedurePath): string[] {
  const schema = procedures[path].input
  const names = schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
  return names.length > 0 ? names : ['anything']
}

/** An input holding ill-formed text at one place, and that place's path as the gate names it. */
const placed = (path: ProcedurePath) =>
  fc
    .record({
      field: fc.constantFrom(...fieldNames(path)),
      text: illFormed,
      where: fc.constantFrom('value', 'array', 'nested', 'key'),
    })
    .map(({ field, text, where }) => {
      switch (where) {
        case 'value':
          return { input: { [field]: text }, at: field }
        case 'array':
          return { input: { [field]: ['fine', text] }, at: `${field}.1` }
        case 'nested':
          return { input: { [field]: { name: text } }, at: `${field}.name` }
        case 'key':
          return { input: { [field]: 1, [text]: 'x' }, at: text }
      }
    })

describe('the gate, on ill-formed text', () => {
  it('refuses a lone surrogate in any string of any procedure’s input with VALIDATION naming the field, writing nothing', async () => {
    const before = t.snapshot()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...procedurePaths).chain((path) => placed(path).map((call) => ({ path, ...call }))),
        async ({ path, input, at }) => {
          const result = await t.call(path, input, everyRoleToken)
          expect(result.ok, path).toBe(false)
          if (result.ok) return
          expect(result.error.code, path).toBe('VALIDATION')
          expect(result.error.issues).toContainEqual(
            expect.objectContaining({ field: at, rule: 'well_formed_unicode' }),
          )
        },
      ),
      { numRuns: 500 },
    )
    expect(t.snapshot()).toBe(before)
  })

  it('is tried on every procedure of the contract', () => {
    const tried = new Set(fc.sample(fc.constantFrom(...procedurePaths), { numRuns: 2000, seed: 6 }))
    expect([...tried].sort()).toEqual([...procedurePaths].sort())
  })

  it('accepts well-formed text outside the Basic Multilingual Plane and stores it exactly', async () => {
    const name = 'Ana 🦺 Šilva 𝔸'
    const session = await t.ok('auth.signUp', { username: 'ana', displayName: name, password: testPassword })
    expect(session.user.displayName).toBe(name)
    expect((await t.ok('auth.me', {}, session.token)).displayName).toBe(name)
  })
})
