import type { BreachCount } from '../../shared/contract/datalog'
import type { ReadingInput } from '../../shared/contract/readings'
import { templateGasNames } from '../../shared/contract/readings'
import { alarmLevels, breachOf, cleanBand } from '../../shared/domain/alarm-levels'
import { gases } from '../../shared/domain/gases'
import { profileOf } from '../permits/permit-fields'
import { conditionsOf } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'

/** Readings at or beyond each level, by gas then level (what the import keeps as JSON). */
export type BreachTally = Record<string, Record<string, number>>

const limitsOf = new WeakMap<PermitRow, ReturnType<typeof limits>>()
function limits(permit: PermitRow) {
  const conditions = conditionsOf(permit)
  const profile = profileOf(permit.limitProfile)
  return { conditions, profile, bands: gases.map((gas) => cleanBand(gas, conditions, profile)) }
}

/**
 * Counts a reading's breaches as the alarm engine would judge them (the permit's conditions, the
 * site profile's low and high alarms), without raising anything: imported readings are history.
 */
export function tallyBreaches(tally: BreachTally, permit: PermitRow, reading: ReadingInput): void {
  let known = limitsOf.get(permit)
  if (!known) {
    known = limits(permit)
    limitsOf.set(permit, known)
  }
  for (let position = 0; position < gases.length; position++) {
    const gas = gases[position]
    const band = known.bands[position]
    if (gas === undefined || band === undefined) continue
    const value = reading[templateGasNames[gas]]
    // Inside the clean band nothing is breached (cleanBand's promise); only the rest is judged.
    if (value === undefined || (value > band.above && value < band.below)) continue
    const breach = breachOf(gas, value, known.conditions, known.profile)
    if (!breach) continue
    const levels = (tally[gas] ??= {})
    levels[breach.level] = (levels[breach.level] ?? 0) + 1
  }
}

/** Adds one tally into another (a chunk's into the import's). */
export function addTallies(into: BreachTally, more: BreachTally): void {
  for (const [gas, levels] of Object.entries(more))
    for (const [level, count] of Object.entries(levels)) {
      const known = (into[gas] ??= {})
      known[level] = (known[level] ?? 0) + count
    }
}

/** The tally as the report lists it: gases in test order, worst level first. */
export function breachCounts(tally: BreachTally): BreachCount[] {
  return gases.flatMap((gas) =>
    alarmLevels.flatMap((level) => {
      const count = tally[gas]?.[level] ?? 0
      return count > 0 ? [{ gas, level, count }] : []
    }),
  )
}
