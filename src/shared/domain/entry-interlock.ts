import { evaluateReading, testAgeProblem, type AtmosphericTest } from './atmosphere'
import { formatGasValue, gasInfo } from './gases'
import type { AcceptableConditions } from './limit-profiles'
import { acceptsEntries, permitStateLabels, type PermitState } from './permit-lifecycle'

/** Everything the entry decision looks at, as of `now` (epoch ms). */
export interface EntrySituation {
  now: number
  permit: { state: PermitState; validFrom: number; validTo: number }
  /** A stable key for a user account or a named person. */
  person: { key: string }
  authorizedEntrantKeys: readonly string[]
  attendantsOnDuty: number
  latestCompleteTest: AtmosphericTest | null
  conditions: AcceptableConditions
  maxTestAgeMs: number
  peopleInsideKeys: readonly string[]
}

/**
 * One rule an entry must satisfy. `unmet` returns a sentence for the supervisor when the rule
 * is not met, null when it is. Later capabilities add their own (access governance: a valid
 * grant for space:<tag>) by passing them to decideEntry.
 */
export interface EntryCondition {
  code: string
  describe: string
  unmet(situation: EntrySituation): string | null
}

export interface UnmetCondition {
  code: string
  message: string
}

export interface EntryDecision {
  allowed: boolean
  /** Every condition not met, in the order of entryConditions then the extras. */
  unmet: UnmetCondition[]
}

export const entryConditions: readonly EntryCondition[] = [
  {
    code: 'permit_state',
    describe: 'The permit is authorized or active.',
    unmet: ({ permit }) =>
      acceptsEntries(permit.state)
        ? null
        : `The permit is ${permitStateLabels[permit.state].toLowerCase()}; entries are accepted only on an authorized or active permit.`,
  },
  {
    code: 'validity_window',
    describe: "Now is within the permit's validity (from its start, up to but not including its end).",
    unmet: ({ now, permit }) => {
      if (permit.validFrom <= now && now < permit.validTo) return null
      return now < permit.validFrom
        ? 'The permit is not valid yet: its validity has not started.'
        : "The permit's validity has ended."
    },
  },
  {
    // 1910.146(f)(4): entrants are named on the permit.
    code: 'authorized_entrant',
    describe: 'The person is an authorized entrant on the permit.',
    unmet: ({ person, authorizedEntrantKeys }) =>
      authorizedEntrantKeys.includes(person.key) ? null : 'This person is not an authorized entrant on the permit.',
  },
  {
    // 1910.146(d)(6): at least one attendant outside for the whole of the entry.
    code: 'attendant_on_duty',
    describe: 'At least one attendant is on duty.',
    unmet: ({ attendantsOnDuty }) => (attendantsOnDuty >= 1 ? null : 'No attendant is on duty at this space.'),
  },
  {
    code: 'test_exists',
    describe: 'A complete atmospheric test has been recorded.',
    unmet: ({ latestCompleteTest }) =>
      latestCompleteTest === null ? 'No complete atmospheric test (O2, LEL, H2S and CO) has been recorded.' : null,
  },
  {
    // Without a test its age is unknown rather than wrong: test_exists already reports it.
    code: 'test_fresh',
    describe: 'The latest test is not older than the permit allows.',
    unmet: ({ latestCompleteTest, now, maxTestAgeMs }) =>
      latestCompleteTest === null ? null : testAgeProblem(latestCompleteTest.takenAt, now, maxTestAgeMs),
  },
  {
    // 1910.146(b): a prohibited condition is anything the permit's own conditions do not allow.
    code: 'atmosphere_acceptable',
    describe: "Every gas of the latest test is inside the permit's acceptable entry conditions.",
    unmet: ({ latestCompleteTest, conditions }) => {
      if (latestCompleteTest === null) return null
      const failing = evaluateReading(latestCompleteTest.values, conditions).filter((evaluation) => !evaluation.pass)
      if (failing.length === 0) return null
      const details = failing.map(
        ({ gas, value, requirement }) => `${gasInfo[gas].symbol} ${formatGasValue(gas, value)} (${requirement})`,
      )
      return `The latest test is outside the permit's acceptable conditions: ${details.join('; ')}.`
    },
  },
  {
    code: 'not_inside',
    describe: 'The person is not already recorded inside.',
    unmet: ({ person, peopleInsideKeys }) =>
      peopleInsideKeys.includes(person.key) ? 'This person is already recorded inside the space.' : null,
  },
]

/** A condition that cannot be checked refuses the entry: the interlock fails closed. */
function check(condition: EntryCondition, situation: EntrySituation): string | null {
  try {
    return condition.unmet(situation)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return `This condition could not be checked (${detail}), so the entry is refused.`
  }
}

/** Software may refuse an entry. Every condition is checked, so a refusal names all that is wrong. */
export function decideEntry(situation: EntrySituation, extraConditions: readonly EntryCondition[] = []): EntryDecision {
  const unmet: UnmetCondition[] = []
  for (const condition of [...entryConditions, ...extraConditions]) {
    const message = check(condition, situation)
    if (message !== null) unmet.push({ code: condition.code, message })
  }
  return { allowed: unmet.length === 0, unmet }
}

export interface ExitDecision {
  allowed: true
  /** Present when the exit does not match the count, for the attendant to reconcile. */
  warning?: string
}

/**
 * 1910.146: exit is never blocked. Software may refuse an entry, never an exit, whatever the
 * permit's state, the atmosphere or the records say.
 */
export function decideExit(situation: Pick<EntrySituation, 'person' | 'peopleInsideKeys'>): ExitDecision {
  if (situation.peopleInsideKeys.includes(situation.person.key)) return { allowed: true }
  return {
    allowed: true,
    warning: 'This person was not recorded inside. The exit is accepted; check the headcount with the attendant.',
  }
}

export interface PresenceEvent {
  kind: 'entry' | 'exit'
  key: string
}

/**
 * The attendant's count (1910.146(i)(4)): apply an ACCEPTED entry or an exit to who is inside.
 * A repeated entry adds nobody and an exit of someone not inside removes nobody, so the list
 * never holds a duplicate and the count never goes below zero.
 */
export function applyEvent(insideKeys: readonly string[], event: PresenceEvent): string[] {
  const unique = [...new Set(insideKeys)]
  if (event.kind === 'exit') return unique.filter((key) => key !== event.key)
  return unique.includes(event.key) ? unique : [...unique, event.key]
}
