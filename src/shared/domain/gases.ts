import { z } from 'zod'

/**
 * The four gases of a standard monitor, in the order they are tested. 1910.146 Appendix B:
 * oxygen first, then combustibles, then toxics, because a catalytic LEL sensor reads low in
 * an oxygen-deficient atmosphere and would hide a flammable one.
 */
export const gases = ['o2', 'lel', 'h2s', 'co'] as const
export type Gas = (typeof gases)[number]

export interface GasInfo {
  /** What a supervisor calls it. */
  label: string
  /** The short name printed on the instrument and the permit. */
  symbol: string
  unit: string
  /** The range a field instrument can plausibly report; anything outside is a fault, not a reading. */
  min: number
  max: number
}

export const gasInfo: Record<Gas, GasInfo> = {
  o2: { label: 'Oxygen', symbol: 'O2', unit: '% vol', min: 0, max: 30 },
  lel: { label: 'Combustible gases', symbol: 'LEL', unit: '% LEL', min: 0, max: 100 },
  h2s: { label: 'Hydrogen sulfide', symbol: 'H2S', unit: 'ppm', min: 0, max: 500 },
  co: { label: 'Carbon monoxide', symbol: 'CO', unit: 'ppm', min: 0, max: 2000 },
}

/** "19.5 % vol", "12 ppm": the exact value, never rounded, so a message cannot hide a limit. */
export function formatGasValue(gas: Gas, value: number): string {
  return `${String(value)} ${gasInfo[gas].unit}`
}

/** One level of one gas (a reading, an alarm, a limit), refused outside the instrument range. */
export function gasLevelSchema(gas: Gas) {
  const { min, max, unit } = gasInfo[gas]
  const range = `must be between ${String(min)} and ${String(max)} ${unit}`
  // z.number() already refuses NaN and ±Infinity; they get the same sentence as text would.
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : `${range}, as a number`) })
    .min(min, range)
    .max(max, range)
}

/** One complete test: all four gases, each a finite number inside its instrument range. */
export const gasValuesSchema = z.strictObject({
  o2: gasLevelSchema('o2'),
  lel: gasLevelSchema('lel'),
  h2s: gasLevelSchema('h2s'),
  co: gasLevelSchema('co'),
})
export type GasValues = z.infer<typeof gasValuesSchema>
