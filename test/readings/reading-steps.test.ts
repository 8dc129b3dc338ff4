import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gases, gasInfo } from '../../src/shared/domain/gases'
import { fromSteps, gasStep, toSteps, toStepsEach } from '../../src/shared/domain/reading-values'

/** A value on its gas's steps (what the contract lets in), off them, or not measured. */
const valueOf = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100),
    fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10),
    fc.double({ min: 0, max, noNaN: true }),
    fc.constantFrom(undefined, 0, -0, 0.1 + 0.2),
  )

const reading = fc.tuple(...gases.map((gas) => valueOf(gasInfo[gas].max)))

describe('storage steps', () => {
  it('are, for a whole reading at once, exactly toSteps of each gas', () => {
    const into: (number | null)[] = []
    fc.assert(
      fc.property(reading, (values) => {
        toStepsEach(values, into)
        expect(into).toEqual(
          gases.map((gas, index) => (values[index] === undefined ? null : toSteps(gas, values[index]))),
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('give back the value that was sent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...gases), fc.integer({ min: 0, max: 20_000 }), (gas, steps) => {
        const value = fromSteps(gas, steps)
        if (value > gasInfo[gas].max) return
        expect(toSteps(gas, value)).toBe(steps)
      }),
    )
  })
  it('come back as the shortest decimal, for every value a gas can have', () => {
    for (const gas of gases) {
      const decimals = gas === 'o2' ? 2 : 1
      for (let steps = 0; steps * gasStep[gas] <= gasInfo[gas].max; steps++)
        expect(fromSteps(gas, steps)).toBe(Number((steps * gasStep[gas]).toFixed(decimals)))
    }
  })
})
