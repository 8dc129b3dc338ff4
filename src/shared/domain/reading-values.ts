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

/** Back from whole steps to the value that was sent (the shortest decimal that rounds to it). */
export function fromSteps(gas: Gas, steps: number): number {
  const decimals = gas === 'o2' ? 2 : 1
  return Number((steps * gasStep[gas]).toFixed(decimals))
}
