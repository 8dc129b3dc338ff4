import { formatGasValue, gases, gasInfo, type Gas, type GasValues } from './gases'
import type { AcceptableConditions } from './limit-profiles'

/** A complete atmospheric test: all four gases, and when they were measured (epoch ms). */
export interface AtmosphericTest {
  takenAt: number
  values: GasValues
}

export interface GasEvaluation {
  gas: Gas
  value: number
  pass: boolean
  /** What the permit requires of this gas: "must be below 10 ppm". */
  requirement: string
  message: string
}

/*
 * Limits are exclusive: a reading exactly AT a limit is NOT acceptable for entry, for oxygen
 * as for the other gases. 1910.146(b) calls oxygen below 19.5 % hazardous, so 19.5 itself is
 * legal, but an instrument reading 19.5 is within its own accuracy of a hazardous atmosphere and
 * we would rather refuse one entry too many. Every check is written as "is inside", never as
 * "is outside", so a NaN that slipped past validation fails.
 */
function isInside(gas: Gas, value: number, conditions: AcceptableConditions): boolean {
  switch (gas) {
    case 'o2':
      return value > conditions.o2Min && value < conditions.o2Max
    case 'lel':
      return value < conditions.lelMax
    case 'h2s':
      return value < conditions.h2sMax
    case 'co':
      return value < conditions.coMax
  }
}

function requirementFor(gas: Gas, conditions: AcceptableConditions): string {
  switch (gas) {
    case 'o2':
      return `must be above ${formatGasValue('o2', conditions.o2Min)} and below ${formatGasValue('o2', conditions.o2Max)}`
    case 'lel':
      return `must be below ${formatGasValue('lel', conditions.lelMax)}`
    case 'h2s':
      return `must be below ${formatGasValue('h2s', conditions.h2sMax)}`
    case 'co':
      return `must be below ${formatGasValue('co', conditions.coMax)}`
  }
}

/** Each gas against the permit's acceptable conditions, in test order (oxygen first). */
export function evaluateReading(values: GasValues, conditions: AcceptableConditions): GasEvaluation[] {
  return gases.map((gas) => {
    const value = values[gas]
    const pass = isInside(gas, value, conditions)
    const requirement = requirementFor(gas, conditions)
    const reading = `${gasInfo[gas].symbol} ${formatGasValue(gas, value)}`
    return {
      gas,
      value,
      pass,
      requirement,
      message: pass
        ? `${reading} is acceptable: it ${requirement}.`
        : `${reading} is not acceptable: it ${requirement}.`,
    }
  })
}

/**
 * The amber band, for readings that pass but leave little margin: oxygen within 0.5 % vol of
 * either limit (inclusive), any other gas at or above half of its maximum.
 */
export const warningBand = { o2MarginPctVol: 0.5, fractionOfMax: 0.5 } as const

export function warningFor(gas: Gas, value: number, conditions: AcceptableConditions): string | null {
  const reading = `${gasInfo[gas].symbol} ${formatGasValue(gas, value)}`
  if (gas === 'o2') {
    const margin = formatGasValue('o2', warningBand.o2MarginPctVol)
    if (value <= conditions.o2Min + warningBand.o2MarginPctVol)
      return `${reading} is within ${margin} of the ${formatGasValue('o2', conditions.o2Min)} minimum.`
    if (value >= conditions.o2Max - warningBand.o2MarginPctVol)
      return `${reading} is within ${margin} of the ${formatGasValue('o2', conditions.o2Max)} maximum.`
    return null
  }
  const max = gas === 'lel' ? conditions.lelMax : gas === 'h2s' ? conditions.h2sMax : conditions.coMax
  return value >= max * warningBand.fractionOfMax
    ? `${reading} is at or above half of its ${formatGasValue(gas, max)} limit.`
    : null
}

/** "1 h 5 min", "40 s": exact to the second, so "older than" never looks like "equal to". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const parts = [
    hours > 0 ? `${String(hours)} h` : '',
    minutes > 0 ? `${String(minutes)} min` : '',
    seconds > 0 ? `${String(seconds)} s` : '',
  ]
  const text = parts.filter((part) => part !== '').join(' ')
  return text === '' ? `${String(Math.abs(ms))} ms` : text
}

/**
 * Why a test's time makes it unusable for entry, or null when it is usable: older than
 * maxAgeMs (an age of exactly maxAgeMs is still fresh), or dated after `now`, which means a
 * wrong instrument clock rather than a fresh test.
 */
export function testAgeProblem(takenAt: number, now: number, maxAgeMs: number): string | null {
  const ageMs = now - takenAt
  if (ageMs < 0) return `The latest test is dated ${formatDuration(ageMs)} in the future; check the instrument clock.`
  if (ageMs <= maxAgeMs) return null
  return `The latest test is ${formatDuration(ageMs)} old; tests older than ${formatDuration(maxAgeMs)} are stale.`
}

export type AtmosphereLevel = 'green' | 'amber' | 'red' | 'none'

export interface AtmosphereStatus {
  status: AtmosphereLevel
  /** now - takenAt of the latest test; null when there is none. */
  ageMs: number | null
  /** Every reason the status is not green, failures first. Empty when green. */
  reasons: string[]
  gases: GasEvaluation[]
}

/**
 * red: a gas is outside the permit's conditions (whatever the test's age).
 * amber: every gas passes, but the test is stale or future-dated, or a gas is in the warning band.
 * green: every gas passes with margin, on a fresh test. none: no complete test.
 */
export function atmosphereStatus(
  latestTest: AtmosphericTest | null,
  conditions: AcceptableConditions,
  now: number,
  maxAgeMs: number,
): AtmosphereStatus {
  if (latestTest === null)
    return { status: 'none', ageMs: null, reasons: ['No complete atmospheric test has been recorded.'], gases: [] }
  const evaluations = evaluateReading(latestTest.values, conditions)
  const failures = evaluations.filter((evaluation) => !evaluation.pass).map((evaluation) => evaluation.message)
  const ageProblem = testAgeProblem(latestTest.takenAt, now, maxAgeMs)
  const warnings = evaluations
    .filter((evaluation) => evaluation.pass)
    .map((evaluation) => warningFor(evaluation.gas, evaluation.value, conditions))
    .filter((warning) => warning !== null)
  const reasons = [...failures, ...(ageProblem === null ? [] : [ageProblem]), ...warnings]
  const status: AtmosphereLevel = failures.length > 0 ? 'red' : reasons.length > 0 ? 'amber' : 'green'
  return { status, ageMs: now - latestTest.takenAt, reasons, gases: evaluations }
}
