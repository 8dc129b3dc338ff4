import { evaluateReading } from '../../../../shared/domain/atmosphere'
import { gases, gasInfo, gasLevelSchema } from '../../../../shared/domain/gases'
import type { Gas, GasValues } from '../../../../shared/domain/gases'
import type { AcceptableConditions } from '../../../../shared/domain/limit-profiles'
import type { LocalIssue } from '../../errors/problem'

export type GasTexts = Record<Gas, string>

export const emptyGasTexts: GasTexts = { o2: '', lel: '', h2s: '', co: '' }

export type GasCheckState = 'empty' | 'invalid' | 'pass' | 'fail'

export interface GasCheck {
  gas: Gas
  state: GasCheckState
  /** What to show under the field: the requirement, the range problem, or the verdict. */
  text: string
}

/** "O2 (% vol)": the label of a gas field, as the instrument shows it. */
export const gasFieldLabel = (gas: Gas): string => `${gasInfo[gas].symbol} (${gasInfo[gas].unit})`

type Parsed = { ok: true; value: number } | { ok: false; message: string }

function parseGas(gas: Gas, text: string): Parsed {
  const trimmed = text.trim()
  // Number('') is 0 and Number('1,5') is NaN; only a plain decimal with a dot is a reading.
  const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN
  const parsed = gasLevelSchema(gas).safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'must be a number' }
}

/**
 * Each gas judged against the permit's conditions as it is typed, in test order (oxygen first,
 * 1910.146 Appendix B). A gas not typed yet shows what the permit requires of it.
 */
export function checkGases(texts: GasTexts, conditions: AcceptableConditions): GasCheck[] {
  const parsed = gases.map((gas) => ({ gas, result: texts[gas].trim() === '' ? null : parseGas(gas, texts[gas]) }))
  // evaluateReading wants all four; a gas not typed is judged on a stand-in and its verdict not shown.
  const valueOf = (gas: Gas): number => {
    const result = parsed.find((entry) => entry.gas === gas)?.result
    return result?.ok ? result.value : gasInfo[gas].min
  }
  const values: GasValues = { o2: valueOf('o2'), lel: valueOf('lel'), h2s: valueOf('h2s'), co: valueOf('co') }
  const evaluations = evaluateReading(values, conditions)
  return parsed.map(({ gas, result }) => {
    const evaluation = evaluations.find((candidate) => candidate.gas === gas)
    const requirement = evaluation ? `Must ${evaluation.requirement.replace(/^must /, '')}.` : ''
    if (result === null) return { gas, state: 'empty', text: requirement }
    if (!result.ok) return { gas, state: 'invalid', text: `${gasInfo[gas].symbol} ${result.message}.` }
    if (!evaluation) return { gas, state: 'invalid', text: 'could not be judged' }
    return evaluation.pass
      ? { gas, state: 'pass', text: `Pass: ${evaluation.message}` }
      : { gas, state: 'fail', text: `FAIL: ${evaluation.message}` }
  })
}

/** All four gases as numbers, or the issue of each one that is missing or out of range. */
export function gasValuesFrom(texts: GasTexts): { values: GasValues } | { issues: LocalIssue[] } {
  const issues: LocalIssue[] = []
  const values: Partial<GasValues> = {}
  for (const gas of gases) {
    const text = texts[gas]
    if (text.trim() === '') {
      issues.push({ path: `values.${gas}`, message: 'is required' })
      continue
    }
    const result = parseGas(gas, text)
    if (result.ok) values[gas] = result.value
    else issues.push({ path: `values.${gas}`, message: result.message })
  }
  const { o2, lel, h2s, co } = values
  if (issues.length > 0 || o2 === undefined || lel === undefined || h2s === undefined || co === undefined)
    return { issues }
  return { values: { o2, lel, h2s, co } }
}
