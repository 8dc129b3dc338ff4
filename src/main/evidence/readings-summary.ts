import { gases } from '../../shared/domain/gases'
import type { Gas } from '../../shared/domain/gases'
import { gasStep } from '../../shared/domain/reading-values'
import type { Sqlite } from '../db/database'

export interface GasSummary {
  gas: Gas
  readings: number
  min: number | null
  max: number | null
}

/**
 * The first and last rowid of monitor_readings recorded between two times. Rowids follow commit
 * order, and so recorded time (taken_at + recorded_lag_ms): a binary search by rowid finds the span
 * in a few dozen lookups, where the table (no index but its rowid, for ingest's sake) holds years.
 */
function recordedSpan(sqlite: Sqlite, from: number, to: number): { first: number; last: number } | null {
  const bounds = sqlite.prepare('select min(id) as low, max(id) as high from monitor_readings').get() as {
    low: number | null
    high: number | null
  }
  if (bounds.low === null || bounds.high === null) return null
  const recordedAt = sqlite
    .prepare('select taken_at + recorded_lag_ms from monitor_readings where id >= ? order by id limit 1')
    .pluck()
  const firstAtOrAfter = (time: number) => {
    let low = bounds.low ?? 0
    let high = (bounds.high ?? 0) + 1
    while (low < high) {
      const mid = Math.floor((low + high) / 2)
      const at = recordedAt.get(mid) as number | undefined
      if (at === undefined || at >= time) high = mid
      else low = mid + 1
    }
    return low
  }
  const first = firstAtOrAfter(from)
  const last = firstAtOrAfter(to + 1) - 1
  return first <= last ? { first, last } : null
}

/** Per gas: how many readings (tests and continuous) the permit had, and their lowest and highest. */
export function readingsSummary(sqlite: Sqlite, permitId: number, from: number, to: number): GasSummary[] {
  const span = recordedSpan(sqlite, from, to)
  return gases.map((gas) => {
    const tests = sqlite
      .prepare(
        `select count(${gas}) as n, min(${gas}) as low, max(${gas}) as high from gas_readings where permit_id = ?`,
      )
      .get(permitId) as { n: number; low: number | null; high: number | null }
    const monitored = span
      ? (sqlite
          .prepare(
            `select count(${gas}) as n, min(${gas}) as low, max(${gas}) as high from monitor_readings where id between ? and ? and permit_id = ?`,
          )
          .get(span.first, span.last, permitId) as { n: number; low: number | null; high: number | null })
      : { n: 0, low: null, high: null }
    const step = (value: number | null) => (value === null ? null : Number((value * gasStep[gas]).toFixed(2)))
    const values = [tests.low, tests.high, step(monitored.low), step(monitored.high)].filter(
      (value): value is number => value !== null,
    )
    return {
      gas,
      readings: tests.n + monitored.n,
      min: values.length > 0 ? Math.min(...values) : null,
      max: values.length > 0 ? Math.max(...values) : null,
    }
  })
}
