import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEvent, decideEntry, decideExit, type PresenceEvent } from '../../src/shared/domain/entry-interlock'
import { defaultConditionsFor, limitProfiles } from '../../src/shared/domain/limit-profiles'
import { people } from './entry-situations'

const now = 1_750_000_000_000
const eventsArb = fc.array(
  fc.record({ kind: fc.constantFrom<PresenceEvent['kind']>('entry', 'exit'), key: fc.constantFrom(...people) }),
  { maxLength: 80 },
)

/** Who is inside according to the rule: everyone whose last accepted event was an entry. */
function insideByLastEvent(accepted: readonly PresenceEvent[]): string[] {
  const last = new Map<string, PresenceEvent['kind']>()
  for (const event of accepted) last.set(event.key, event.kind)
  return [...last].filter(([, kind]) => kind === 'entry').map(([key]) => key)
}

const sorted = (keys: readonly string[]) => [...keys].sort()

describe('the headcount', () => {
  it('never holds a duplicate and equals the people whose last accepted event was an entry', () => {
    fc.assert(
      fc.property(eventsArb, (attempts) => {
        let inside: string[] = []
        const accepted: PresenceEvent[] = []
        for (const attempt of attempts) {
          const situation = {
            now,
            permit: { state: 'active' as const, validFrom: now - 1, validTo: now + 1 },
            person: { key: attempt.key, accountActive: null, attendantOnDutyOn: [] },
            authorizedEntrantKeys: [...people],
            attendantOnDutyKeys: ['attendant'],
            latestCompleteTest: { takenAt: now, values: { o2: 20.9, lel: 0, h2s: 0, co: 0 } },
            resumedAt: null,
            conditions: defaultConditionsFor(limitProfiles.factory),
            maxTestAgeMs: 60_000,
            peopleInsideKeys: inside,
          }
          const allowed = attempt.kind === 'entry' ? decideEntry(situation).allowed : decideExit(situation).allowed
          if (!allowed) continue
          accepted.push(attempt)
          inside = applyEvent(inside, attempt)
          expect(new Set(inside).size).toBe(inside.length)
          expect(sorted(inside)).toEqual(sorted(insideByLastEvent(accepted)))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('stays consistent when repeated entries and stray exits are applied without the interlock', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        let inside: string[] = []
        events.forEach((event, index) => {
          inside = applyEvent(inside, event)
          expect(new Set(inside).size).toBe(inside.length)
          expect(inside.length).toBeGreaterThanOrEqual(0)
          expect(sorted(inside)).toEqual(sorted(insideByLastEvent(events.slice(0, index + 1))))
        })
      }),
      { numRuns: 500 },
    )
  })

  it('does not change the list it was given', () => {
    const inside = Object.freeze(['ana'])
    expect(applyEvent(inside, { kind: 'exit', key: 'ana' })).toEqual([])
    expect(inside).toEqual(['ana'])
  })
})
