import { formatGasValue, gasInfo, type Gas } from './gases'
import type { AcceptableConditions, LimitProfile } from './limit-profiles'

/**
 * How bad one gas value is, worst first: the profile's high alarm, its low alarm, or outside the
 * permit's own acceptable conditions (1910.146(b): anything the permit does not allow is a
 * prohibited condition). For oxygen both alarms are a departure from normal air: the low alarm
 * trips when it falls to its level (deficiency), the high when it rises to its level (enrichment).
 */
export const alarmLevels = ['high', 'low', 'condition'] as const
export type AlarmLevel = (typeof alarmLevels)[number]

export const alarmLevelLabels: Record<AlarmLevel, string> = {
  high: 'High alarm',
  low: 'Low alarm',
  condition: 'Outside the permit’s conditions',
}

export interface Breach {
  gas: Gas
  level: AlarmLevel
  value: number
  /** The limit crossed, for the alarm's record. */
  limit: number
  message: string
}

function describe(gas: Gas, value: number, level: AlarmLevel, limit: number): string {
  const reading = `${gasInfo[gas].symbol} ${formatGasValue(gas, value)}`
  return `${reading}: ${alarmLevelLabels[level].toLowerCase()} (limit ${formatGasValue(gas, limit)})`
}

/** The worst level and the limit crossed, or null: no allocation on the common, clean path. */
function worstLevel(
  gas: Gas,
  value: number,
  conditions: AcceptableConditions,
  profile: LimitProfile,
): [AlarmLevel, number] | null {
  const { lowAlarm, highAlarm } = profile.gases[gas]
  // Every test is written as "is inside", so a NaN that slipped through counts as a breach.
  if (gas === 'o2') {
    if (!(value < highAlarm)) return ['high', highAlarm]
    if (!(value > lowAlarm)) return ['low', lowAlarm]
    if (!(value > conditions.o2Min)) return ['condition', conditions.o2Min]
    if (!(value < conditions.o2Max)) return ['condition', conditions.o2Max]
    return null
  }
  const max = gas === 'lel' ? conditions.lelMax : gas === 'h2s' ? conditions.h2sMax : conditions.coMax
  if (!(value < highAlarm)) return ['high', highAlarm]
  if (!(value < lowAlarm)) return ['low', lowAlarm]
  if (!(value < max)) return ['condition', max]
  return null
}

/** The worst level this value reaches, or null when it is inside the conditions and below every alarm. */
export function breachOf(
  gas: Gas,
  value: number,
  conditions: AcceptableConditions,
  profile: LimitProfile,
): Breach | null {
  const worst = worstLevel(gas, value, conditions, profile)
  if (worst === null) return null
  const [level, limit] = worst
  return { gas, level, value, limit, message: describe(gas, value, level, limit) }
}

/**
 * The values of one gas that breach nothing, as an open interval: `breachOf` is null for every
 * value with above < value < below, each bound the nearest of the alarm levels and conditions that
 * worstLevel tests. For a path judging thousands of readings: inside the band needs no breachOf.
 */
export function cleanBand(
  gas: Gas,
  conditions: AcceptableConditions,
  profile: LimitProfile,
): { above: number; below: number } {
  const { lowAlarm, highAlarm } = profile.gases[gas]
  if (gas === 'o2') return { above: Math.max(lowAlarm, conditions.o2Min), below: Math.min(highAlarm, conditions.o2Max) }
  const max = gas === 'lel' ? conditions.lelMax : gas === 'h2s' ? conditions.h2sMax : conditions.coMax
  return { above: -Infinity, below: Math.min(highAlarm, lowAlarm, max) }
}
