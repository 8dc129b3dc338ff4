/**
 * Continuous readings as field monitors send them, made up deterministically for benches. No
 * backend imports: the field client process loads this and nothing heavier.
 */
import { gases } from '../../../src/shared/domain/gases'
import { toSteps } from '../../../src/shared/domain/reading-values'

/** One monitor on one permit. */
export interface Feed {
  permitId: number
  serial: string
}

/** A continuous reading as a monitor or gateway posts it (the first template's names). */
export interface WireReading {
  permitId: number
  loggedAt: number
  monitoredBy: string
  oxygenPercent: number
  lelPercent: number
  h2sPpm: number
  coPpm: number
}

/** H2S over the factory profile's low alarm (10 ppm), under its high alarm (20 ppm): a medium alarm. */
export const breachH2sPpm = 12.5

/** Small, fast and seeded: the same run gives the same readings. */
function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Readings of every feed at 1 Hz from `firstAt`, feed after feed, as a gateway batches them:
 * clean air with sensor noise (O2 20.80-20.95 % vol, LEL mostly 0, H2S mostly 0, CO 0-3 ppm),
 * and one reading in `breachEvery` with H2S over the low alarm (the feed's next reading clears
 * it again). The count runs on across batches.
 */
export function createReadingSource(feeds: readonly Feed[], options: { seed?: number; breachEvery?: number } = {}) {
  const random = mulberry32(options.seed ?? 1)
  const pick = (n: number) => Math.floor(random() * n)
  const breachEvery = options.breachEvery ?? Infinity
  let made = 0
  return {
    batch(firstAt: number, count: number): WireReading[] {
      const rows: WireReading[] = []
      for (let i = 0; i < count; i += 1) {
        const feedIndex = i % feeds.length
        const feed = feeds[feedIndex]
        if (!feed) throw new Error('no feeds')
        made += 1
        const breach = made % breachEvery === 0
        rows.push({
          permitId: feed.permitId,
          // Monitors tick once a second, each a little after the last.
          loggedAt: firstAt + Math.floor(i / feeds.length) * 1000 + feedIndex * 13,
          monitoredBy: feed.serial,
          oxygenPercent: (2080 + pick(16)) / 100,
          lelPercent: random() < 0.8 ? 0 : pick(10) / 10,
          h2sPpm: breach ? breachH2sPpm : random() < 0.9 ? 0 : pick(5) / 10,
          coPpm: pick(31) / 10,
        })
      }
      return rows
    },
    /** How long `count` readings of these feeds take at 1 Hz. */
    spanMs: (count: number) => Math.ceil(count / feeds.length) * 1000,
  }
}

/** The stored form of a reading (monitor_readings' columns after the id), for raw inserts. */
export function storedRow(reading: WireReading, instrumentId: number, recordedAt: number): number[] {
  const values = [reading.oxygenPercent, reading.lelPercent, reading.h2sPpm, reading.coPpm]
  const steps = gases.map((gas, index) => toSteps(gas, values[index] ?? 0) ?? 0)
  return [instrumentId, reading.permitId, reading.loggedAt, recordedAt - reading.loggedAt, ...steps, 0]
}
