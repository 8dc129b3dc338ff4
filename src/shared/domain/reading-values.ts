import { gases, type Gas } from './gases'

/**
 * The finest step each gas is stored in. Field monitors read O2 to 0.1 % vol, LEL to 1 %, H2S and
 * CO to 0.1 or 1 ppm; these steps are finer, so no instrument's value is rounded. A value with
 * more decimals is refused rather than silently rounded: what is stored is what was sent.
 */
export const gasStep: Record<Gas, number> = { o2: 0.01, lel: 0.1, h2s: 0.1, co: 0.1 }

function wholeSteps(value: number, step: number): number | null {
  const steps = Math.round(value / step)
  return Math.abs(steps * step - value) <= 1e-9 * Math.max(1, Math.abs(value)) ? steps : null
}

/** The value in whole steps, or null when it has more decimals than the gas is stored in. */
export function toSteps(gas: Gas, value: number): number | null {
  return wholeSteps(value, gasStep[gas])
}

const stepsInOrder = gases.map((gas) => gasStep[gas])

/**
 * toSteps for each gas of a reading, in one call a reading (ingest converts thousands): `values`
 * in `gases` order, undefined when not measured; `into` gets the steps, null when not measured.
 */
export function toStepsEach(values: readonly (number | undefined)[], into: (number | null)[]): void {
  for (let index = 0; index < stepsInOrder.length; index++) {
    const value = values[index]
    into[index] = value === undefined ? null : wholeSteps(value, stepsInOrder[index] ?? Number.NaN)
  }
}

/** Steps in one unit of each gas (100 for O2's 0.01 % vol, 10 for the others). */
const stepsPerUnit: Record<Gas, number> = { o2: 100, lel: 10, h2s: 10, co: 10 }

/**
 * Back from whole steps to the value that was sent: a division is correctly rounded, so it gives
 * the double nearest the decimal (the shortest decimal that rounds to it), as fast as a chart of a
 * year of readings needs.
 */
export function fromSteps(gas: Gas, steps: number): number {
  return steps / stepsPerUnit[gas]
}
