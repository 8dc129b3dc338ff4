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

/** Per gas: how many readings (tests and continuous) the permit had, and their lowest and highest. */
export function readingsSummary(sqlite: Sqlite, permitId: number): GasSummary[] {
  return gases.map((gas, position) => {
    const tests = sqlite
      .prepare(
        `select count(${gas}) as n, min(${gas}) as low, max(${gas}) as high from gas_readings where permit_id = ?`,
      )
      .get(permitId) as { n: number; low: number | null; high: number | null }
    // Continuous readings from the permit's hourly rollups: a few rows an hour, not thousands.
    const monitored = sqlite
      .prepare(
        'select coalesce(sum(n), 0) as n, min(low) as low, max(high) as high from reading_rollups_hour where permit_id = ? and gas = ?',
      )
      .get(permitId, position) as { n: number; low: number | null; high: number | null }
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
