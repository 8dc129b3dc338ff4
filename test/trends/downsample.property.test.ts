import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createColumnReducer } from '../../src/shared/domain/downsample'

/**
 * Issue 10, item 2: downsampling keeps every pixel column's true first, lowest, highest and last
 * reading, at most four points a column, invents nothing, and breaks the line exactly where the
 * feed was silent for longer than the gap.
 */

const seriesArb = fc
  .record({
    from: fc.integer({ min: 0, max: 10_000 }),
    columnMs: fc.integer({ min: 1, max: 500 }),
    gapColumns: fc.integer({ min: 2, max: 20 }),
    steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -50, max: 50 })), {
      minLength: 1,
      maxLength: 400,
    }),
  })
  .map(({ from, columnMs, gapColumns, steps }) => {
    let at = from
    const points = steps.map(([step, value]) => {
      at += step
      return { at, value }
    })
    return { from, columnMs, gapMs: columnMs * gapColumns, points }
  })

describe('downsampling to pixel columns', () => {
  it('keeps each column’s first, lowest, highest and last, at most four points, and breaks at every gap', () => {
    fc.assert(
      fc.property(seriesArb, ({ from, columnMs, gapMs, points }) => {
        const reducer = createColumnReducer(from, columnMs, gapMs)
        for (const { at, value } of points) reducer.add(at, value)
        const { times, values } = reducer.finish()
        const out = times.map((at, i): [number, number | null] => [at, values[i] ?? null])
        const columnOf = (at: number) => Math.floor((at - from) / columnMs)

        // Every column's truth, straight from the input.
        const columns = new Map<number, { at: number; value: number }[]>()
        for (const point of points) columns.set(columnOf(point.at), [...(columns.get(columnOf(point.at)) ?? []), point])
        const kept = out.filter((p): p is [number, number] => p[1] !== null)
        for (const [column, inColumn] of columns) {
          const shown = kept.filter(([at]) => columnOf(at) === column)
          expect(shown.length).toBeLessThanOrEqual(4)
          const values = inColumn.map((p) => p.value)
          const firstPoint = inColumn[0]
          const lastPoint = inColumn.at(-1)
          expect(shown[0]).toEqual([firstPoint?.at, firstPoint?.value])
          expect(shown.at(-1)).toEqual([lastPoint?.at, lastPoint?.value])
          expect(Math.min(...shown.map(([, v]) => v))).toBe(Math.min(...values))
          expect(Math.max(...shown.map(([, v]) => v))).toBe(Math.max(...values))
          // Nothing invented: each kept point is one of the column's readings.
          for (const [at, value] of shown) expect(inColumn.some((p) => p.at === at && p.value === value)).toBe(true)
        }
        // In time order, and a null exactly between two readings further apart than the gap.
        for (let i = 1; i < out.length; i++) expect(out[i]?.[0]).toBeGreaterThanOrEqual(out[i - 1]?.[0] ?? 0)
        const gaps = points.slice(1).filter((p, i) => p.at - (points[i]?.at ?? 0) > gapMs).length
        expect(out.filter((p) => p[1] === null)).toHaveLength(gaps)
        for (let i = 0; i < out.length; i++)
          if (out[i]?.[1] === null) {
            const before = out[i - 1]?.[0] ?? -Infinity
            const after = out[i + 1]?.[0] ?? Infinity
            expect(after - before).toBeGreaterThan(gapMs)
          }
      }),
      { numRuns: 500 },
    )
  })
})
