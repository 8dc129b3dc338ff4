import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

/**
 * Model-based test against the real backend: random sequences of entries, exits, atmospheric
 * tests, attendant changes, suspensions and the passing of time. After every step the real
 * system must agree with a model written here from domain.md, independently of the code:
 * no entry is accepted under an unmet condition, every exit is accepted, and the headcount is
 * exactly the model's, never negative.
 */

const minute = 60_000
const people = ['Ana Silva', 'Ben Carter', 'Stranger Danger'] as const
const authorized = new Set<string>(['Ana Silva', 'Ben Carter'])

interface Model {
  state: 'authorized' | 'active' | 'suspended'
  inside: Set<string>
  onDuty: boolean
  test: { takenAt: number; o2: number; lel: number; h2s: number; co: number } | null
  validTo: number
}

interface Real {
  t: TestBackend
  permitId: number
  supervisor: string
  attendant: string
  attendantId: number
  assignmentId: number | null
}

// Factory profile defaults (domain.md): O2 19.5-23.5 % vol, LEL < 10 %, H2S < 10 ppm, CO < 35 ppm; limits exclusive.
const atmosphereOk = (v: NonNullable<Model['test']>) =>
  v.o2 > 19.5 && v.o2 < 23.5 && v.lel < 10 && v.h2s < 10 && v.co < 35

function modelAllowsEntry(m: Model, person: string, now: number): boolean {
  return (
    (m.state === 'authorized' || m.state === 'active') &&
    now < m.validTo &&
    authorized.has(person) &&
    m.onDuty &&
    m.test !== null &&
    now - m.test.takenAt <= 30 * minute &&
    atmosphereOk(m.test) &&
    !m.inside.has(person)
  )
}

const gasValue = (min: number, max: number, edges: number[]) =>
  fc.oneof(
    fc.constantFrom(...edges),
    fc.double({ min, max, noNaN: true }).map((x) => Math.round(x * 10) / 10),
  )

/** Mostly good air (so entries can succeed), often edge or bad values (so they must not). */
const reading = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      o2: gasValue(20, 21.5, [20.9]),
      lel: gasValue(0, 5, [0]),
      h2s: gasValue(0, 5, [0]),
      co: gasValue(0, 20, [0]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      o2: gasValue(17, 25, [19.5, 23.5, 20.9, 19.6]),
      lel: gasValue(0, 15, [0, 9.9, 10]),
      h2s: gasValue(0, 15, [0, 9.9, 10]),
      co: gasValue(0, 50, [0, 34.9, 35]),
    }),
  },
)

type Command = fc.AsyncCommand<Model, Real>

/** How much each verdict was exercised: a property that never refuses proves little. */
const tally = { accepted: 0, refused: 0, stale: 0 }

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

class Enter implements Command {
  constructor(readonly person: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const expected = modelAllowsEntry(m, this.person, r.t.clock.now())
    const result = await r.t.call(
      'entries.recordEntry',
      { permitId: r.permitId, person: { name: this.person } },
      r.attendant,
    )
    expect(code(result), `entry of ${this.person}`).toBe(expected ? 'ok' : 'PRECONDITION_FAILED')
    tally[expected ? 'accepted' : 'refused'] += 1
    if (!expected && !result.ok && result.error.message.includes('stale')) tally.stale += 1
    if (expected) {
      m.inside.add(this.person)
      if (m.state === 'authorized') m.state = 'active'
    }
  }
  toString = () => `Enter(${this.person})`
}

class Exit implements Command {
  constructor(readonly person: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    const result = await r.t.call(
      'entries.recordExit',
      { permitId: r.permitId, person: { name: this.person } },
      r.attendant,
    )
    expect(code(result), `exit of ${this.person} is never refused`).toBe('ok')
    m.inside.delete(this.person)
  }
  toString = () => `Exit(${this.person})`
}

class Test implements Command {
  constructor(readonly values: { o2: number; lel: number; h2s: number; co: number }) {}
  check = () => true
  async run(m: Model, r: Real) {
    const takenAt = r.t.clock.now()
    await r.t.ok(
      'atmosphere.recordTest',
      {
        permitId: r.permitId,
        kind: 'periodic',
        takenAt,
        values: this.values,
        instrument: 'MX4',
        tester: { name: 'Tess' },
      },
      r.attendant,
    )
    m.test = { takenAt, ...this.values }
  }
  toString = () => `Test(${JSON.stringify(this.values)})`
}

class Wait implements Command {
  constructor(readonly minutes: number) {}
  check = () => true
  async run(_m: Model, r: Real) {
    r.t.clock.advance(this.minutes * minute)
  }
  toString = () => `Wait(${this.minutes} min)`
}

class Relieve implements Command {
  check = (m: Readonly<Model>) => m.onDuty
  async run(m: Model, r: Real) {
    await r.t.ok('attendants.setStatus', { assignmentId: r.assignmentId ?? 0, status: 'relieved' }, r.attendant)
    m.onDuty = false
    r.assignmentId = null
  }
  toString = () => 'Relieve'
}

class GoOnDuty implements Command {
  check = (m: Readonly<Model>) => !m.onDuty
  async run(m: Model, r: Real) {
    const now = r.t.clock.now()
    const shift = await r.t.ok(
      'attendants.assign',
      {
        permitId: r.permitId,
        userId: r.attendantId,
        shiftName: 'Next',
        shiftStart: now,
        shiftEnd: now + 24 * 60 * minute,
      },
      r.supervisor,
    )
    await r.t.ok('attendants.setStatus', { assignmentId: shift.id, status: 'on_duty' }, r.attendant)
    r.assignmentId = shift.id
    m.onDuty = true
  }
  toString = () => 'GoOnDuty'
}

class Suspend implements Command {
  check = (m: Readonly<Model>) => m.state !== 'suspended'
  async run(m: Model, r: Real) {
    await r.t.ok('permits.transition', { permitId: r.permitId, action: 'suspend', reason: 'Gas alarm' }, r.supervisor)
    m.state = 'suspended'
  }
  toString = () => 'Suspend'
}

class Resume implements Command {
  check = (m: Readonly<Model>) => m.state === 'suspended'
  async run(m: Model, r: Real) {
    const expected = m.inside.size === 0 && r.t.clock.now() < m.validTo
    const result = await r.t.call('permits.transition', { permitId: r.permitId, action: 'resume' }, r.supervisor)
    expect(code(result), 'resume').toBe(expected ? 'ok' : 'PRECONDITION_FAILED')
    if (expected) m.state = 'authorized'
  }
  toString = () => 'Resume'
}

// Entries are what is under test, so they come most often; everything else sets up their conditions.
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })
const commands = [
  fc.oneof(
    weighted(
      6,
      fc.constantFrom(...people).map((p): Command => new Enter(p)),
    ),
    weighted(
      3,
      fc.constantFrom(...people).map((p): Command => new Exit(p)),
    ),
    weighted(
      2,
      reading.map((v): Command => new Test(v)),
    ),
    weighted(
      2,
      fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 25, max: 45 })).map((n): Command => new Wait(n)),
    ),
    weighted(1, fc.constant<Command>(new Relieve())),
    weighted(1, fc.constant<Command>(new GoOnDuty())),
    weighted(1, fc.constant<Command>(new Suspend())),
    weighted(1, fc.constant<Command>(new Resume())),
  ),
]

describe('the entry interlock, against the real backend', () => {
  it('accepts an entry only when every condition holds, always accepts exits, and keeps an exact headcount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { size: 'large', maxCommands: 60 }), async (cmds) => {
        // Time jumps by hours here; sessions must outlast them (idle expiry has its own test).
        const t = makeTestBackend({ sessionPolicy: longSessions })
        try {
          const s = await confinedSpaceSite(t)
          const ready = await s.readyPermit()
          const permit = await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)
          const model: Model = {
            state: 'authorized',
            inside: new Set(),
            onDuty: true,
            test: { takenAt: t.clock.now(), o2: 20.9, lel: 0, h2s: 0, co: 1 },
            validTo: permit.card.validTo,
          }
          const real: Real = {
            t,
            permitId: ready.id,
            supervisor: s.supervisor.token,
            attendant: s.attendant.token,
            attendantId: s.attendant.user.id,
            assignmentId: ready.assignmentId,
          }
          await fc.asyncModelRun(() => ({ model, real }), cmds)
          const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
          expect(card.inside.map((p) => p.name).sort()).toEqual([...model.inside].sort())
          expect(card.state).toBe(model.state)
          const inside = await t.ok('entries.inside', {}, s.supervisor.token)
          expect(inside.reduce((n, space) => n + space.headcount, 0)).toBe(model.inside.size)
        } finally {
          t.dispose()
        }
      }),
      { numRuns: 40 },
    )
    console.log('entry verdicts exercised', tally)
    expect(tally.accepted).toBeGreaterThan(15)
    expect(tally.refused).toBeGreaterThan(100)
    expect(tally.stale).toBeGreaterThan(10)
  })
})
