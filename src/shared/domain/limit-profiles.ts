import { z } from 'zod'
import { formatGasValue, gasLevelSchema, type Gas } from './gases'

/**
 * Alarm levels for one gas. For oxygen the low alarm trips when the reading FALLS to it
 * (deficiency) and the high alarm when it RISES to it (enrichment). For the other gases both
 * alarms trip on a rising reading: the low alarm is the first stage, the high alarm the second.
 * twa (8 h), stel (15 min mean) and ceiling (never to be exceeded) are exposure limits, set only
 * where the source defines them.
 */
export interface GasLimits {
  lowAlarm: number
  highAlarm: number
  twa?: number
  stel?: number
  ceiling?: number
}

export interface LimitProfile {
  id: string
  label: string
  /** Where the figures come from, so a reviewer can check them. */
  source: string
  gases: Record<Gas, GasLimits>
}

// 1910.146(b) "hazardous atmosphere": oxygen below 19.5 % or above 23.5 %, flammable gas above
// 10 % of its lower flammable limit. Every profile shares these; they differ on the toxics.
const oxygen: GasLimits = { lowAlarm: 19.5, highAlarm: 23.5 }
const combustiblesAtTenPercent: GasLimits = { lowAlarm: 10, highAlarm: 10 }

/*
 * How a regulatory reference becomes two alarm levels (the factory profile needs no mapping):
 * - lowAlarm is the LOWEST limit the reference sets for the gas (its TWA when it has one,
 *   otherwise its ceiling). Permits take it as the default maximum for entry.
 * - highAlarm is the reference's short-term limit (STEL or ceiling) when that is higher than
 *   the low alarm. When the reference sets a single figure both alarms sit on it: we never
 *   invent a more permissive second stage that the reference does not contain.
 */
export const limitProfiles = {
  factory: {
    id: 'factory',
    label: 'Factory default',
    source: 'Typical 4-gas monitor factory settings (vendor manuals); H2S high alarm 20 ppm, CO high alarm 70 ppm.',
    gases: {
      o2: oxygen,
      lel: { lowAlarm: 10, highAlarm: 20 },
      h2s: { lowAlarm: 10, highAlarm: 20, twa: 10, stel: 15 },
      co: { lowAlarm: 35, highAlarm: 70, twa: 35, stel: 200 },
    },
  },
  osha: {
    id: 'osha',
    label: 'OSHA',
    source: '29 CFR 1910.146(b); 1910.1000 Table Z-2 H2S ceiling 20 ppm; Table Z-1 CO PEL 50 ppm TWA.',
    gases: {
      o2: oxygen,
      lel: combustiblesAtTenPercent,
      h2s: { lowAlarm: 20, highAlarm: 20, ceiling: 20 },
      co: { lowAlarm: 50, highAlarm: 50, twa: 50 },
    },
  },
  niosh: {
    id: 'niosh',
    label: 'NIOSH',
    source: 'NIOSH RELs: H2S ceiling 10 ppm (10 min); CO 35 ppm TWA, 200 ppm ceiling. O2 and LEL per 1910.146(b).',
    gases: {
      o2: oxygen,
      lel: combustiblesAtTenPercent,
      h2s: { lowAlarm: 10, highAlarm: 10, ceiling: 10 },
      co: { lowAlarm: 35, highAlarm: 200, twa: 35, ceiling: 200 },
    },
  },
  acgih: {
    id: 'acgih',
    label: 'ACGIH',
    source: 'ACGIH TLVs: H2S 1 ppm TWA, 5 ppm STEL; CO 25 ppm TWA. O2 and LEL per 1910.146(b).',
    gases: {
      o2: oxygen,
      lel: combustiblesAtTenPercent,
      h2s: { lowAlarm: 1, highAlarm: 5, twa: 1, stel: 5 },
      co: { lowAlarm: 25, highAlarm: 25, twa: 25 },
    },
  },
} as const satisfies Record<string, LimitProfile>

export type LimitProfileId = keyof typeof limitProfiles
export const limitProfileIds = Object.keys(limitProfiles) as LimitProfileId[]

function gasLimitsSchema(gas: Gas) {
  const level = gasLevelSchema(gas)
  return z
    .object({
      lowAlarm: level,
      highAlarm: level,
      twa: level.optional(),
      stel: level.optional(),
      ceiling: level.optional(),
    })
    .refine((limits) => (gas === 'o2' ? limits.lowAlarm < limits.highAlarm : limits.lowAlarm <= limits.highAlarm), {
      message: gas === 'o2' ? 'lowAlarm must be below highAlarm' : 'highAlarm must not be below lowAlarm',
      path: ['highAlarm'],
    })
}

/** A profile as a site would define its own ("site custom"); every shipped profile satisfies it. */
export const limitProfileSchema = z.object({
  id: z.string().trim().min(1, 'is required'),
  label: z.string().trim().min(1, 'is required'),
  source: z.string().trim().min(1, 'is required'),
  gases: z.object({
    o2: gasLimitsSchema('o2'),
    lel: gasLimitsSchema('lel'),
    h2s: gasLimitsSchema('h2s'),
    co: gasLimitsSchema('co'),
  }),
})

/**
 * A permit's acceptable entry conditions (1910.146(f)(9)). A reading is acceptable only
 * strictly inside them: see atmosphere.ts.
 */
export const acceptableConditionsSchema = z
  .object({
    o2Min: gasLevelSchema('o2'),
    o2Max: gasLevelSchema('o2'),
    lelMax: gasLevelSchema('lel').positive('must be above 0 % LEL'),
    h2sMax: gasLevelSchema('h2s').positive('must be above 0 ppm'),
    coMax: gasLevelSchema('co').positive('must be above 0 ppm'),
  })
  .refine((conditions) => conditions.o2Min < conditions.o2Max, {
    message: 'must be above o2Min',
    path: ['o2Max'],
  })
export type AcceptableConditions = z.infer<typeof acceptableConditionsSchema>
export type ConditionField = keyof AcceptableConditions

/** Oxygen strictly between its two alarms, every other gas strictly below its first alarm. */
export function defaultConditionsFor(profile: LimitProfile): AcceptableConditions {
  return {
    o2Min: profile.gases.o2.lowAlarm,
    o2Max: profile.gases.o2.highAlarm,
    lelMax: profile.gases.lel.lowAlarm,
    h2sMax: profile.gases.h2s.lowAlarm,
    coMax: profile.gases.co.lowAlarm,
  }
}

export interface ConditionViolation {
  field: ConditionField
  message: string
}

const fields: { field: ConditionField; gas: Gas; name: string; stricter: 'raise' | 'lower' }[] = [
  { field: 'o2Min', gas: 'o2', name: 'oxygen minimum', stricter: 'raise' },
  { field: 'o2Max', gas: 'o2', name: 'oxygen maximum', stricter: 'lower' },
  { field: 'lelMax', gas: 'lel', name: 'combustible gas maximum', stricter: 'lower' },
  { field: 'h2sMax', gas: 'h2s', name: 'hydrogen sulfide maximum', stricter: 'lower' },
  { field: 'coMax', gas: 'co', name: 'carbon monoxide maximum', stricter: 'lower' },
]

/**
 * Where a permit's conditions are LOOSER than the profile's: a permit may only be edited
 * toward stricter values. Written as "not at least as strict" so a NaN is reported too.
 */
export function conditionsViolations(
  candidate: AcceptableConditions,
  base: AcceptableConditions,
): ConditionViolation[] {
  const violations: ConditionViolation[] = []
  for (const { field, gas, name, stricter } of fields) {
    const value = candidate[field]
    const limit = base[field]
    const atLeastAsStrict = stricter === 'raise' ? value >= limit : value <= limit
    if (atLeastAsStrict) continue
    violations.push({
      field,
      message: `The ${name} (${field}) of ${formatGasValue(gas, value)} is looser than the profile's ${formatGasValue(gas, limit)}: a permit may only ${stricter} it.`,
    })
  }
  return violations
}

export function isStricterOrEqual(candidate: AcceptableConditions, base: AcceptableConditions): boolean {
  return conditionsViolations(candidate, base).length === 0
}
