/**
 * Downsampling a series for a chart of so many pixel columns: each column keeps its first, lowest,
 * highest and last point (the "M4" reduction), so the line drawn through them passes through every
 * extreme a pixel column can show, and a spike of one reading is never lost. A silence longer than
 * `gapMs` between two points becomes a null point between them, which a chart draws as a gap.
 */

/** [time (epoch ms), value]; a null value marks a gap. */
export type Point = [number, number | null]

interface Kept {
  at: number
  value: number
  /** Arrival order: among equal times, the order points were added. */
  seq: number
}

export interface ColumnReducer {
  /** Points must come in time order (equal times in the order they were taken). */
  add(at: number, value: number): void
  /** The points kept, in time order; the reducer is spent. */
  finish(): Point[]
}

/**
 * A reducer for the window starting at `from`, `columnMs` wide per pixel column. `gapMs` should be
 * at least two columns wide, so a gap's null always falls in a column of its own.
 */
export function createColumnReducer(from: number, columnMs: number, gapMs: number): ColumnReducer {
  const out: Point[] = []
  let column = Number.NaN
  let first: Kept | null = null
  let low: Kept | null = null
  let high: Kept | null = null
  let last: Kept | null = null
  let previousAt = Number.NaN
  let seq = 0

  function flush(): void {
    if (!first || !low || !high || !last) return
    // The column's four, in time order, each once (one point may be first, lowest and last at once).
    const kept = [first, low, high, last]
      .filter((point, index, all) => all.indexOf(point) === index)
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
    for (const point of kept) out.push([point.at, point.value])
    first = low = high = last = null
  }

  return {
    add(at, value) {
      const own = Math.floor((at - from) / columnMs)
      if (own !== column) {
        flush()
        column = own
      }
      if (at - previousAt > gapMs) {
        flush() // already done unless gapMs is narrower than a column
        out.push([Math.round((previousAt + at) / 2), null])
      }
      previousAt = at
      const point = { at, value, seq: seq++ }
      if (!first) first = low = high = point
      else {
        if (value < (low?.value ?? value)) low = point
        if (value > (high?.value ?? value)) high = point
      }
      last = point
    },
    finish() {
      flush()
      return out
    },
  }
}
