import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideEntry, decideExit, type EntrySituation } from '../../src/shared/domain/entry-interlock'
import { situationArb } from './entry-situations'

/**
 * The verdict worked out from the rules themselves, not from the code under test: which
 * conditions fail, and which gases fail (limits are exclusive; a reading AT a limit fails).
 */
function expectedFailures(s: EntrySituation): { codes: string[]; failingGases: [string, number][] } {
  const codes: string[] = []
  const failingGases: [string, number][] = []
  if (s.permit.state !== 'authorized' && s.permit.state !== 'active') codes.push('permit_state')
  if (!(s.permit.validFrom <= s.now && s.now < s.permit.validTo)) codes.push('validity_window')
  if (!s.authorizedEntrantKeys.includes(s.person.key)) codes.push('authorized_entrant')
  if (s.person.accountActive === false) codes.push('account_active')
  if (s.person.attendantOnDutyOn.length > 0) codes.push('not_attendant_on_duty')
  // 1910.146(i)(4): after the entry, someone on duty must still be outside.
  const outside = s.attendantOnDutyKeys.filter((key) => key !== s.person.key && !s.peopleInsideKeys.includes(key))
  if (outside.length === 0) codes.push('attendant_on_duty')
  const test = s.latestCompleteTest
  if (test === null) codes.push('test_exists')
  else {
    const age = s.now - test.takenAt
    if (age < 0 || age > s.maxTestAgeMs) codes.push('test_fresh')
    const { o2, lel, h2s, co } = test.values
    const c = s.conditions
    if (!(o2 > c.o2Min && o2 < c.o2Max)) failingGases.push(['O2', o2])
    if (!(lel < c.lelMax)) failingGases.push(['LEL', lel])
    if (!(h2s < c.h2sMax)) failingGases.push(['H2S', h2s])
    if (!(co < c.coMax)) failingGases.push(['CO', co])
    if (failingGases.length > 0) codes.push('atmosphere_acceptable')
  }
  if (s.peopleInsideKeys.includes(s.person.key)) codes.push('not_inside')
  return { codes, failingGases }
}

describe('the entry interlock', () => {
  it('is tried on situations that include accepted entries as well as refusals', () => {
    const verdicts = fc
      .sample(situationArb, { numRuns: 2000, seed: 1 })
      .map((s) => expectedFailures(s).codes.length === 0)
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(100)
    expect(verdicts.filter((allowed) => !allowed).length).toBeGreaterThan(100)
  })

  it('accepts an entry if and only if every condition holds', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        expect(decideEntry(situation).allowed).toBe(expectedFailures(situation).codes.length === 0)
      }),
      { numRuns: 2000 },
    )
  })

  it('lists every unmet condition in a refusal, and nothing else', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const decision = decideEntry(situation)
        expect(decision.unmet.map((unmet) => unmet.code)).toEqual(expectedFailures(situation).codes)
        for (const unmet of decision.unmet) expect(unmet.message).toMatch(/\.$/)
      }),
      { numRuns: 2000 },
    )
  })

  it('names each failing gas and its value when the atmosphere is not acceptable', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const message = decideEntry(situation).unmet.find((unmet) => unmet.code === 'atmosphere_acceptable')?.message
        for (const [symbol, value] of expectedFailures(situation).failingGases)
          expect(message).toContain(`${symbol} ${String(value)} `)
      }),
      { numRuns: 1000 },
    )
  })

  it('always accepts an exit, warning only when the person was not recorded inside', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const decision = decideExit(situation)
        expect(decision.allowed).toBe(true)
        expect(decision.warning === undefined).toBe(situation.peopleInsideKeys.includes(situation.person.key))
      }),
      { numRuns: 1000 },
    )
  })
})
