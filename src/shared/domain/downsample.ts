/**
 * Downsampling a series for a chart of so many pixel columns: each column keeps its first, lowest,
 * highest and last point (the "M4" reduction), so the line drawn through them passes through every
 * extreme a pixel column can show, and a spike of one reading is never lost. A silence longer than
 * `gapMs` between two points becomes a null value between them, which a chart draws as a gap.
 * Written for a year of readings: no allocation per point, only per point kept.
 */

/** A series as columns: times (epoch ms) and their values; a null value marks a gap. */
export interface Downsampled {
  times: number[]
  values: (number | null)[]
}

export interface ColumnReducer {
  /** Points must come in time order (equal times in the order they were taken). */
  add(at: number, value: number): void
  /** The points kept, in time order; the reducer is spent. */
  finish(): Downsampled
}

/**
 * A reducer for the window starting at `from`, `columnMs` wide per pixel column. `gapMs` should be
 * at least two columns wide, so a gap's null always falls in a column of its own.
 */
export function createColumnReducer(from: number, columnMs: number, gapMs: number): ColumnReducer {
  const times: number[] = []
  const values: (number | null)[] = []
  let column = Number.NaN
  let count = 0
  // The column's first, lowest, highest and last: time, value and arrival order (for equal times).
  let firstAt = 0
  let firstValue = 0
  let lowAt = 0
  let lowValue = 0
  let lowSeq = 0
  let highAt = 0
  let highValue = 0
  let highSeq = 0
  let lastAt = 0
  let lastValue = 0
  let previousAt = Number.NaN

  const push = (at: number, value: number | null) => {
    times.push(at)
    values.push(value)
  }

  function flush(): void {
    if (count === 0) return
    push(firstAt, firstValue)
    // Lowest and highest in the order they came, each once; either may be the first or the last.
    const lowInside = lowSeq !== 0 && lowSeq !== count - 1
    const highInside = highSeq !== 0 && highSeq !== count - 1 && highSeq !== lowSeq
    if (lowInside && highInside) {
      if (lowSeq < highSeq) {
        push(lowAt, lowValue)
        push(highAt, highValue)
      } else {
        push(highAt, highValue)
        push(lowAt, lowValue)
      }
    } else if (lowInside) push(lowAt, lowValue)
    else if (highInside) push(highAt, highValue)
    if (count > 1) push(lastAt, lastValue)
    count = 0
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
        push(Math.round((previousAt + at) / 2), null)
      }
      previousAt = at
      if (count === 0) {
        firstAt = lowAt = highAt = at
        firstValue = lowValue = highValue = value
        lowSeq = highSeq = 0
      } else {
        if (value < lowValue) {
          lowAt = at
          lowValue = value
          lowSeq = count
        }
        if (value > highValue) {
          highAt = at
          highValue = value
          highSeq = count
        }
      }
      lastAt = at
      lastValue = value
      count += 1
    },
    finish() {
      flush()
      return { times, values }
    },
  }
}
