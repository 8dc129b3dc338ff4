import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readingKinds } from '../../src/shared/contract/atmosphere'
import {
  maxSerialLength,
  readingRowAsIs,
  readingRowSchema,
  templateGasNames,
  withTemplateNames,
} from '../../src/shared/contract/readings'
import { gases, gasInfo } from '../../src/shared/domain/gases'

/**
 * readingRowAsIs is the ingest path's shortcut past readingRowSchema. The schema stays the
 * authority: whatever the shortcut takes, the schema must take and return equal, on any input;
 * and on rows already in the schema's own form (its names, a plain object, nothing to trim) the
 * shortcut must decide exactly as the schema does, so it is the path every good row takes.
 */

const schemaSays = (row: unknown) => readingRowSchema.safeParse(withTemplateNames(row))

const gasNames = gases.map((gas) => templateGasNames[gas])

/** Numbers near every edge the schema knows: ranges, steps, integers, signs, non-finite. */
const numberish = (max: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -20, max: max * 100 + 20 }).map((n) => n / 100) },
    { weight: 4, arbitrary: fc.integer({ min: -20, max: max * 10 + 20 }).map((n) => n / 10) },
    { weight: 2, arbitrary: fc.integer({ min: -2000, max: max * 1000 + 20 }).map((n) => n / 1000) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: max + 5 }) },
    { weight: 2, arbitrary: fc.double({ min: -1, max: max + 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        0,
        -0,
        max,
        max + 0.01,
        -0.01,
        0.1 + 0.2,
        20.955,
        1e-7,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('1', null, true, [], {}) },
  )

const idish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -0,
      -1,
      1.5,
      2 ** 53,
      2 ** 53 - 1,
      Number.MAX_SAFE_INTEGER,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '7',
      null,
    ),
  },
)

const timeish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(0, -0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.NaN, '5', null),
  },
)

/** Serials with every kind of blank JavaScript trims, inside and at the ends, and at the length limit. */
const serialChars = fc.constantFrom('A', 'x', '7', '-', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', 'é')
const serialish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: serialChars, minLength: 0, maxLength: maxSerialLength + 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      'MX4',
      'A'.repeat(maxSerialLength),
      'A'.repeat(maxSerialLength + 1),
      ` ${'A'.repeat(maxSerialLength)}`,
      '',
      ' ',
      7,
      null,
    ),
  },
)

const kindish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...readingKinds) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('other', 'Continuous', 1, null) },
)

/** A good row: a monitor's partial reading, or a test with all four gases, on the gases' steps. */
const goodRow: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    permitId: fc.integer({ min: 1, max: 1_000_000 }),
    loggedAt: fc.integer({ min: 0, max: 2 ** 45 }),
    monitoredBy: fc
      .string({ unit: serialChars, minLength: 1, maxLength: maxSerialLength })
      .filter((serial) => serial.trim() === serial),
    kind: fc.option(fc.constantFrom(...readingKinds), { nil: undefined }),
    measured: fc.subarray([...gases], { minLength: 1 }),
    steps: fc.tuple(...gases.map((gas) => fc.integer({ min: 0, max: gasInfo[gas].max * (gas === 'o2' ? 100 : 10) }))),
  })
  .map(({ kind, measured, steps, ...row }) => {
    const withKind: Record<string, unknown> = kind === undefined ? { ...row } : { ...row, kind }
    gases.forEach((gas, index) => {
      if (kind === undefined || kind === 'continuous' ? measured.includes(gas) : true)
        withKind[templateGasNames[gas]] = (steps[index] ?? 0) / (gas === 'o2' ? 100 : 10)
    })
    return withKind
  })

const ownNames = ['permitId', 'loggedAt', 'monitoredBy', 'kind', ...gasNames] as const
const noisy: Record<(typeof ownNames)[number], fc.Arbitrary<unknown>> = {
  permitId: idish,
  loggedAt: timeish,
  monitoredBy: serialish,
  kind: kindish,
  ...(Object.fromEntries(gases.map((gas) => [templateGasNames[gas], numberish(gasInfo[gas].max)])) as Record<
    (typeof gasNames)[number],
    fc.Arbitrary<unknown>
  >),
}

const seldom = fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) })

/** A change to a good row: a field given another value, or taken away, or (for `anyRow`) a stranger. */
type Change = { name: string; value: unknown; remove: boolean }
const ownChange: fc.Arbitrary<Change> = fc
  .constantFrom(...ownNames)
  .chain((name) => fc.record({ name: fc.constant<string>(name), value: noisy[name], remove: seldom }))
const anyChange: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: ownChange },
  {
    weight: 1,
    arbitrary: fc.record({
      name: fc.constantFrom('oxygenPct', 'readingsAt', 'monitorName', 'color', '__proto__', 'toString'),
      value: fc.oneof(numberish(30), timeish, serialish),
      remove: fc.constant(false),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      name: fc.constantFrom(...ownNames),
      value: fc.constant(undefined),
      remove: fc.constant(false),
    }),
  },
)

const changed = (row: Record<string, unknown>, changes: Change[]) => {
  const result: Record<string, unknown> = { ...row }
  for (const { name, value, remove } of changes)
    if (remove) delete result[name]
    else Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true })
  return result
}

/** Rows in the schema's own form: its names, no field present but undefined, a trimmed serial. */
const ownFormRow = fc
  .tuple(goodRow, fc.array(ownChange, { maxLength: 3 }), fc.boolean())
  .map(([row, changes, bare]) => {
    const result = changed(row, changes)
    return bare ? (Object.assign(Object.create(null), result) as Record<string, unknown>) : result
  })
  .filter(
    (row) =>
      Object.values(row).every((value) => value !== undefined) &&
      (typeof row.monitoredBy !== 'string' || row.monitoredBy.trim() === row.monitoredBy),
  )

/** Anything a caller might send: good rows changed in any way, the second template's names, non-objects. */
const anyRow: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(goodRow, fc.array(anyChange, { maxLength: 3 })).map(([row, changes]) => changed(row, changes)),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'row', 7, [], [{ permitId: 1 }], new Date(0)) },
  { weight: 1, arbitrary: goodRow.map((row) => Object.assign(new (class Reading {})(), row) as unknown) },
)

describe('the fast path of a reading row', () => {
  it('takes nothing the schema refuses, and returns what the schema returns', () => {
    let taken = 0
    fc.assert(
      fc.property(anyRow, (row) => {
        const fast = readingRowAsIs(row)
        if (fast === null) return
        taken += 1
        const schema = schemaSays(row)
        expect(schema.success, JSON.stringify(row)).toBe(true)
        expect(fast).toStrictEqual(schema.data)
      }),
      { numRuns: 3000 },
    )
    // The property is not vacuous: a fair share of the random rows were taken.
    expect(taken).toBeGreaterThan(100)
  })

  it('decides exactly as the schema on rows in its own form, so every good row takes it', () => {
    let good = 0
    fc.assert(
      fc.property(ownFormRow, (row) => {
        const fast = readingRowAsIs(row)
        const schema = schemaSays(row)
        expect(fast !== null, JSON.stringify(row)).toBe(schema.success)
        if (schema.success) {
          good += 1
          expect(fast).toStrictEqual(schema.data)
        }
      }),
      { numRuns: 3000 },
    )
    expect(good).toBeGreaterThan(100)
  })

  it('takes a field monitor’s usual rows, partial ones included, and leaves the second template’s names to the schema', () => {
    const row = { permitId: 3, loggedAt: 1_700_000_000_000, monitoredBy: 'GW-1-1', oxygenPercent: 20.87, coPpm: 1.2 }
    expect(readingRowAsIs(row)).toStrictEqual({ ...row, kind: 'continuous' })
    expect(readingRowAsIs({ ...row, kind: 'periodic' })).toBeNull()
    expect(readingRowAsIs({ ...row, kind: 'periodic', lelPercent: 0, h2sPpm: 0 })).toStrictEqual({
      ...row,
      kind: 'periodic',
      lelPercent: 0,
      h2sPpm: 0,
    })
    const { oxygenPercent, ...variant } = row
    expect(readingRowAsIs({ ...variant, oxygenPct: oxygenPercent })).toBeNull()
    expect(schemaSays({ ...variant, oxygenPct: oxygenPercent }).data).toStrictEqual({ ...row, kind: 'continuous' })
    expect(readingRowAsIs({ ...row, monitoredBy: ' GW-1-1' })).toBeNull()
    expect(gasNames).toHaveLength(4)
  })
})
