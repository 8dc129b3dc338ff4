import { describe, expect, it } from 'vitest'
import { decideEntry, type EntryCondition, type EntrySituation } from '../../src/shared/domain/entry-interlock'
import { defaultConditionsFor, limitProfiles } from '../../src/shared/domain/limit-profiles'

const now = 1_750_000_000_000
const ready: EntrySituation = {
  now,
  permit: { state: 'active', validFrom: now - 3_600_000, validTo: now + 3_600_000 },
  person: { key: 'user:7', accountActive: true, attendantOnDutyOn: [] },
  authorizedEntrantKeys: ['user:7', 'user:8', 'named:Rita Gomez'],
  attendantOnDutyKeys: ['user:9'],
  latestCompleteTest: { takenAt: now - 60_000, values: { o2: 20.9, lel: 0, h2s: 0, co: 0 } },
  resumedAt: null,
  conditions: defaultConditionsFor(limitProfiles.factory),
  maxTestAgeMs: 15 * 60_000,
  peopleInsideKeys: [],
}

/** What access governance will add: a valid grant for space:<tag>. */
const spaceGrant = (holders: string[]): EntryCondition => ({
  code: 'space_grant',
  describe: 'The person holds a valid grant for space:TK-101.',
  unmet: ({ person }) => (holders.includes(person.key) ? null : 'This person holds no valid grant for space:TK-101.'),
})

describe('an entry', () => {
  it('is accepted when every condition holds', () => {
    expect(decideEntry(ready)).toEqual({ allowed: true, unmet: [] })
  })

  it('is refused on a suspended permit, saying so', () => {
    expect(decideEntry({ ...ready, permit: { ...ready.permit, state: 'suspended' } }).unmet).toEqual([
      {
        code: 'permit_state',
        message: 'The permit is suspended; entries are accepted only on an authorized or active permit.',
      },
    ])
  })

  it('is refused with no test recorded, reporting the missing test once rather than its age and values', () => {
    expect(decideEntry({ ...ready, latestCompleteTest: null }).unmet.map((unmet) => unmet.code)).toEqual([
      'test_exists',
    ])
  })

  it('names every failing gas with its value and the rule', () => {
    const test = { takenAt: now, values: { o2: 19.5, lel: 0, h2s: 12, co: 0 } }
    expect(decideEntry({ ...ready, latestCompleteTest: test }).unmet).toEqual([
      {
        code: 'atmosphere_acceptable',
        message:
          "The latest test is outside the permit's acceptable conditions: O2 19.5 % vol (must be above 19.5 % vol and below 23.5 % vol); H2S 12 ppm (must be below 10 ppm).",
      },
    ])
  })

  it('is refused by an extra condition a later capability adds, alongside the built-in ones', () => {
    const decision = decideEntry({ ...ready, attendantOnDutyKeys: [] }, [spaceGrant([])])
    expect(decision.allowed).toBe(false)
    expect(decision.unmet.map((unmet) => unmet.code)).toEqual(['attendant_on_duty', 'space_grant'])
  })

  it('is refused to the attendant on duty, who stays outside until relieved (1910.146(i)(4))', () => {
    const attendant = { key: 'user:9', accountActive: true, attendantOnDutyOn: ['CSE-NORTH-2026-0001'] }
    expect(decideEntry({ ...ready, person: attendant, authorizedEntrantKeys: ['user:9'] }).unmet).toEqual([
      {
        code: 'not_attendant_on_duty',
        message:
          'This person is the attendant on duty on CSE-NORTH-2026-0001; an attendant stays outside until relieved.',
      },
      { code: 'attendant_on_duty', message: 'This entry would leave no attendant on duty outside the space.' },
    ])
  })

  it('is refused when every attendant on duty is recorded inside', () => {
    const decision = decideEntry({ ...ready, attendantOnDutyKeys: ['user:8'], peopleInsideKeys: ['user:8'] })
    expect(decision.unmet.map((unmet) => unmet.code)).toEqual(['attendant_on_duty'])
  })

  it('is refused to a deactivated account still listed as an entrant, with that reason', () => {
    const decision = decideEntry({ ...ready, person: { ...ready.person, accountActive: false } })
    expect(decision.unmet).toEqual([
      {
        code: 'account_active',
        message:
          "This person's account is deactivated; a deactivated account is not admitted, even when still listed as an entrant.",
      },
    ])
  })

  it('after a resumption without a new test, asks for the re-test the suspension requires', () => {
    const decision = decideEntry({ ...ready, latestCompleteTest: null, resumedAt: now - 1000 })
    expect(decision.unmet).toEqual([
      {
        code: 'test_exists',
        message:
          'No complete atmospheric test has been taken since the permit was resumed; after a suspension the space is tested again before anyone re-enters.',
      },
    ])
  })

  it('is accepted when the extra condition holds too', () => {
    expect(decideEntry(ready, [spaceGrant(['user:7'])]).allowed).toBe(true)
  })

  it('is refused when an extra condition cannot be checked: the interlock fails closed', () => {
    const broken: EntryCondition = {
      code: 'space_grant',
      describe: 'The person holds a valid grant.',
      unmet: () => {
        throw new Error('grant store unavailable')
      },
    }
    const decision = decideEntry(ready, [broken])
    expect(decision.allowed).toBe(false)
    expect(decision.unmet[0]?.message).toContain('grant store unavailable')
  })
})
