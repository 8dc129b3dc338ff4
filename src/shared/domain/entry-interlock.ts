import { evaluateReading, testAgeProblem, type AtmosphericTest } from './atmosphere'
import { formatGasValue, gasInfo } from './gases'
import type { AcceptableConditions } from './limit-profiles'
import type { UnmetCondition } from '../contract/errors'
import { acceptsEntries, permitStateLabels, type PermitState } from './permit-lifecycle'

/** Everything the entry decision looks at, as of `now` (epoch ms). */
export interface EntrySituation {
  now: number
  permit: { state: PermitState; validFrom: number; validTo: number }
  person: {
    /** A stable key for a user account (`user:<id>`) or a named person (`name:<name>`). */
    key: string
    /** Whether the person's account is active; null for a named person without an account. */
    accountActive: boolean | null
    /** Numbers of the permits (this one included) on which this person is an attendant on duty. */
    attendantOnDutyOn: readonly string[]
  }
  authorizedEntrantKeys: readonly string[]
  /** Person keys of this permit's attendants on duty (active accounts, shift not ended). */
  attendantOnDutyKeys: readonly string[]
  /** The test that counts for entry (see decisiveTest), null when none does. */
  latestCompleteTest: AtmosphericTest | null
  /** Set after a suspension: only tests taken after this time count (1926.1205(e)(2)). */
  resumedAt: number | null
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

export type { UnmetCondition }

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
    code: 'account_active',
    describe: "The person's account, if they have one, is active.",
    unmet: ({ person }) =>
      person.accountActive === false
        ? "This person's account is deactivated; a deactivated account is not admitted, even when still listed as an entrant."
        : null,
  },
  {
    // 1910.146(i)(4): the attendant remains outside the space until relieved.
    code: 'not_attendant_on_duty',
    describe: 'The person is not an attendant on duty, here or on another permit.',
    unmet: ({ person }) =>
      person.attendantOnDutyOn.length === 0
        ? null
        : `This person is the attendant on duty on ${person.attendantOnDutyOn.join(', ')}; an attendant stays outside until relieved.`,
  },
  {
    // 1910.146(d)(6): at least one attendant outside for the whole of the entry.
    code: 'attendant_on_duty',
    describe: 'After this entry, at least one attendant on duty is still outside.',
    unmet: ({ person, attendantOnDutyKeys, peopleInsideKeys }) => {
      if (attendantOnDutyKeys.length === 0) return 'No attendant is on duty at this space.'
      const outside = attendantOnDutyKeys.filter((key) => key !== person.key && !peopleInsideKeys.includes(key))
      return outside.length > 0 ? null : 'This entry would leave no attendant on duty outside the space.'
    },
  },
  {
    code: 'test_exists',
    describe: 'A complete atmospheric test that counts has been recorded (after the last resumption, if any).',
    unmet: ({ latestCompleteTest, resumedAt }) => {
      if (latestCompleteTest !== null) return null
      return resumedAt === null
        ? 'No complete atmospheric test (O2, LEL, H2S and CO) has been recorded.'
        : 'No complete atmospheric test has been taken since the permit was resumed; after a suspension the space is tested again before anyone re-enters.'
    },
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
export function decideExit(situation: { person: { key: string }; peopleInsideKeys: readonly string[] }): ExitDecision {
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
