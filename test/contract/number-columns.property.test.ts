import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { epochMs, epochMsColumn, nullableNumberColumn } from '../../src/shared/contract/common'

/**
 * The number columns check a chart's long arrays in one loop instead of an element schema each.
 * The element schemas stay the authority: on any input, a column takes exactly what the array of
 * its element schema takes, and hands it back unchanged.
 */

const elementish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 ** 42 }) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -0,
      -1,
      1.5,
      2 ** 53 - 1,
      2 ** 53,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined,
      '1',
      true,
      [],
      {},
    ),
  },
)

const columnish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.array(elementish, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'x', 3, {}, { length: 0 }) },
)

const cases = [
  { name: 'epochMsColumn', column: epochMsColumn, authority: z.array(epochMs) },
  { name: 'nullableNumberColumn', column: nullableNumberColumn, authority: z.array(z.number().nullable()) },
]

describe.each(cases)('$name', ({ column, authority }) => {
  it('takes exactly what the array of its element schema takes, and returns it unchanged', () => {
    fc.assert(
      fc.property(columnish, (value) => {
        const fast = column.safeParse(value)
        const slow = authority.safeParse(value)
        expect(fast.success).toBe(slow.success)
        if (fast.success) expect(fast.data).toEqual(slow.data)
      }),
      { numRuns: 2000 },
    )
  })

  it('names the rule when it refuses', () => {
    const refused = column.safeParse(['x'])
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toMatch(/^must be an array of /)
  })
})
