import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PersonRef } from '../../src/shared/contract/permits'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

/**
 * Model-based test against the real backend: random sequences of entries, exits, atmospheric
 * tests (some stamped ahead of or behind the clock), attendants going on duty and being
 * relieved (one of them also listed as an entrant), accounts deactivated and reactivated,
 * suspensions and resumptions, the site asking for an entrant grant (access governance) and
 * grants made, revoked and running out, and the passing of time. After every step the real system must
 * agree with a model written here from domain.md, independently of the code: an entry is refused
 * with exactly the unmet conditions the model predicts, every exit is accepted, and the
 * headcount is exactly the model's, never negative.
 */

const second = 1000
const minute = 60 * second
const hour = 60 * minute
/** domain.md: readings closer than this cannot be ordered by their stamps; further ahead is refused. */
const skewMs = 2 * minute
const maxTestAgeMs = 30 * minute

/** artByName is the attendant art giving only his name at the portal, as a contractor would. */
type Person = 'ana' | 'ben' | 'stranger' | 'art' | 'dee' | 'artByName'
type Attendant = 'art' | 'amy'
const people: readonly Person[] = ['ana', 'ben', 'stranger', 'art', 'dee', 'artByName']
/** Listed on the permit: two named contractors, the attendant art (an account) and dee (an account). */
const entrants = new Set<Person>(['ana', 'ben', 'art', 'dee'])
const hasAccount = (who: Person | Attendant): who is 'art' | 'dee' | 'amy' => ['art', 'dee', 'amy'].includes(who)
const displayName: Record<Person, string> = {
  ana: 'Ana Silva',
  ben: 'Ben Carter',
  stranger: 'Stranger Danger',
  art: 'art',
  dee: 'dee',
  artByName: 'art',
}

interface ModelTest {
  seq: number
  takenAt: number
  recordedAt: number
  gases: Gases
}
type Gases = { o2: number; lel: number; h2s: number; co: number }

interface Model {
  state: 'authorized' | 'active' | 'suspended'
  inside: Set<Person>
  /** Attendants marked on duty, with the end of their shift. */
  onDuty: Map<Attendant, number>
  active: Record<'art' | 'dee' | 'amy', boolean>
  tests: ModelTest[]
  seq: number
  resumption: { at: number; seqBefore: number } | null
  validTo: number
  /** Each person's latest record on the permit: an entry, or an exit and whether they were inside before it. */
  lastRecord: Map<Person, { kind: 'entry' } | { kind: 'exit'; wasInside: boolean; ticked: boolean }>
  latestExit: Person | null
  /** Alarms not yet resolved, per source (the tests, or the continuous monitor) and gas. */
  alarms: ModelAlarm[]
  /** Who an open evacuation still waits for. */
  rollCall: Set<Person>
  /** The site's setting: an entry also needs a valid `space:<tag>` entrant grant. */
  grantRequired: boolean
  /** The end of each account holder's entrant grant on the space, while not revoked. */
  grants: Map<'art' | 'dee', number>
}

interface ModelAlarm {
  source: 'tests' | 'monitor'
  gas: keyof Gases
  active: boolean
  latched: boolean
}

interface Real {
  t: TestBackend
  permitId: number
  supervisor: string
  admin: string
  userIds: Record<'art' | 'dee' | 'amy', number>
  assignments: Map<Attendant, number>
  /** The id of each person's latest exit record. */
  exitIds: Map<Person, number>
  /** A field device's token, for the continuous monitor. */
  device: string
  site: { id: number; code: string; name: string; limitProfile: string; maxTestAgeMinutes: number }
  spaceResourceId: number
  grantIds: Map<'art' | 'dee', number>
}

// Factory profile defaults (domain.md): O2 19.5-23.5 % vol, LEL < 10 %, H2S < 10 ppm, CO < 35 ppm; limits exclusive.
const acceptable = (v: Gases) => v.o2 > 19.5 && v.o2 < 23.5 && v.lel < 10 && v.h2s < 10 && v.co < 35

/** domain.md, factory profile: the high alarm of each gas (O2 also rises to enrichment at 23.5). */
const isHigh = (gas: keyof Gases, value: number) =>
  gas === 'o2' ? value >= 23.5 : value >= { lel: 20, h2s: 20, co: 70 }[gas]

const gasAcceptable = (gas: keyof Gases, value: number) =>
  gas === 'o2' ? value > 19.5 && value < 23.5 : value < { lel: 10, h2s: 10, co: 35 }[gas]

/**
 * The alarm engine as domain.md describes it: one alarm per source and gas while the value is out
 * of limits, cleared when it is back; a high alarm, or any breach with someone inside, suspends
 * the permit and orders evacuation once (unless one is already running on a suspended permit),
 * and the alarms that did it are latched until resolved.
 */
function observeAlarms(m: Model, source: ModelAlarm['source'], values: Partial<Gases>): void {
  let breached = false
  let high = false
  const raised: ModelAlarm[] = []
  for (const gas of ['o2', 'lel', 'h2s', 'co'] as const) {
    const value = values[gas]
    if (value === undefined) continue
    const current = m.alarms.find((a) => a.source === source && a.gas === gas && a.active)
    if (gasAcceptable(gas, value)) {
      if (current) current.active = false
      continue
    }
    breached = true
    high ||= isHigh(gas, value)
    if (!current) {
      const alarm: ModelAlarm = { source, gas, active: true, latched: false }
      m.alarms.push(alarm)
      raised.push(alarm)
    }
  }
  if (!breached || (!high && m.inside.size === 0)) return
  const admitting = m.state === 'authorized' || m.state === 'active'
  if (!admitting && (m.inside.size === 0 || m.rollCall.size > 0)) return
  if (admitting) m.state = 'suspended'
  for (const person of m.inside) m.rollCall.add(person)
  for (const alarm of m.alarms) if (alarm.active || raised.includes(alarm)) alarm.latched = true
  count(high ? 'high alarm acted' : 'breach with people inside acted')
}

/** domain.md: a reading never counts as newer than when it was recorded; a bad one within the skew prevails. */
function modelDecisiveTest(m: Model): { at: number; gases: Gases; hidFailure: boolean } | null {
  const countsAt = (test: ModelTest) => Math.min(test.takenAt, test.recordedAt)
  const counted = m.tests.filter(
    (test) => m.resumption === null || (test.seq > m.resumption.seqBefore && countsAt(test) >= m.resumption.at),
  )
  if (counted.length === 0) return null
  const newest = Math.max(...counted.map(countsAt))
  const unordered = counted.filter((test) => countsAt(test) >= newest - skewMs)
  const failing = unordered.filter((test) => !acceptable(test.gases))
  const pool = failing.length > 0 ? failing : unordered
  const chosen = pool.reduce((best, test) => (countsAt(test) > countsAt(best) ? test : best))
  // Would trusting the stamps alone have picked a passing test? Then the rule hid a failure.
  const byStamp = counted.reduce((best, test) => (test.takenAt >= best.takenAt ? test : best))
  return {
    at: countsAt(chosen),
    gases: chosen.gases,
    hidFailure: !acceptable(chosen.gases) && acceptable(byStamp.gases),
  }
}

const watching = (m: Model, now: number): Attendant[] =>
  [...m.onDuty].filter(([who, shiftEnd]) => shiftEnd > now && m.active[who]).map(([who]) => who)

/** Every entry condition the model says is unmet, by its contract code. */
function expectedUnmet(m: Model, person: Person, now: number): string[] {
  const codes: string[] = []
  if (m.state !== 'authorized' && m.state !== 'active') codes.push('permit_state')
  if (!(now < m.validTo)) codes.push('validity_window')
  if (!entrants.has(person)) codes.push('authorized_entrant')
  if (hasAccount(person) && !m.active[person]) codes.push('account_active')
  // Access governance: only an account can hold a grant, and it counts until its end.
  if (m.grantRequired) {
    const holder = person === 'art' || person === 'dee' ? person : null
    if (holder === null || !((m.grants.get(holder) ?? 0) > now)) codes.push('space_grant')
  }
  // Under his account or under his name, art on duty is the attendant, who stays outside.
  const isArt = person === 'art' || person === 'artByName'
  const ownShift = isArt ? m.onDuty.get('art') : undefined
  if (ownShift !== undefined && ownShift > now) codes.push('not_attendant_on_duty')
  const watchers = watching(m, now)
  const outside = watchers.filter((who) => who !== person && !(isArt && who === 'art') && !m.inside.has(who as Person))
  if (outside.length === 0) codes.push('attendant_on_duty')
  const test = modelDecisiveTest(m)
  if (test === null) codes.push('test_exists')
  else {
    if (now - test.at > maxTestAgeMs) codes.push('test_fresh')
    if (!acceptable(test.gases)) codes.push('atmosphere_acceptable')
  }
  if (m.inside.has(person)) codes.push('not_inside')
  // A monitor's alarm blocks entry while active, or latched until resolved; tests are judged above.
  if (m.alarms.some((a) => a.source === 'monitor' && (a.active || a.latched))) codes.push('no_gas_alarm')
  return codes.sort()
}

const gasValue = (min: number, max: number, edges: number[]) =>
  fc.oneof(
    fc.constantFrom(...edges),
    fc.double({ min, max, noNaN: true }).map((x) => Math.round(x * 10) / 10),
  )

/** Mostly good air (so entries can succeed), often edge or bad values (so they must not). */
const gasesArb = fc.oneof(
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

/** How far the instrument's stamp is from our clock: mostly none, often ahead or behind, sometimes too far ahead. */
const stampOffsetArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constantFrom(20 * second, 90 * second, skewMs) },
  { weight: 1, arbitrary: fc.constantFrom(-30 * second, -5 * minute) },
  { weight: 1, arbitrary: fc.constant(skewMs + second) },
)

type Command = fc.AsyncCommand<Model, Real>

/** How much each kind of step and verdict was exercised: a property that never meets a case proves nothing about it. */
const tally: Record<string, number> = {}
const count = (key: string) => (tally[key] = (tally[key] ?? 0) + 1)

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

const refOf = (r: Real, person: Person): PersonRef =>
  hasAccount(person) ? { userId: r.userIds[person] } : { name: displayName[person] }

class Enter implements Command {
  constructor(readonly person: Person) {}
  check = () => true
  async run(m: Model, r: Real) {
    const now = r.t.clock.now()
    const expected = expectedUnmet(m, this.person, now)
    const result = await r.t.call(
      'entries.recordEntry',
      { permitId: r.permitId, person: refOf(r, this.person) },
      r.supervisor,
    )
    const actual = result.ok ? [] : (result.error.unmet ?? []).map((u) => u.code).sort()
    expect(codeOf(result), `entry of ${this.person}`).toBe(expected.length === 0 ? 'ok' : 'PRECONDITION_FAILED')
    expect(actual, `unmet conditions for ${this.person}`).toEqual(expected)
    if (expected.length === 0) {
      count('accepted')
      if (m.grantRequired) count('entry on a grant accepted')
      m.inside.add(this.person)
      m.lastRecord.set(this.person, { kind: 'entry' })
      if (m.state === 'authorized') m.state = 'active'
      return
    }
    for (const code of expected) count(code)
    if (expected.includes('test_exists') && m.resumption !== null && m.tests.length > 0)
      count('pre-resumption test ignored')
    if (modelDecisiveTest(m)?.hidFailure) count('failing test prevailed over a later stamp')
    if (this.person === 'art' && expected.includes('not_attendant_on_duty'))
      count('attendant who is also an entrant refused')
  }
  toString = () => `Enter(${this.person})`
}

class Exit implements Command {
  constructor(
    readonly person: Person,
    /** Only when the person is inside: exits of people inside are the ones worth correcting. */
    readonly ofSomeoneInside = false,
  ) {}
  check = (m: Readonly<Model>) => !this.ofSomeoneInside || m.inside.has(this.person)
  async run(m: Model, r: Real) {
    const result = await r.t.call(
      'entries.recordExit',
      { permitId: r.permitId, person: refOf(r, this.person) },
      r.supervisor,
    )
    expect(codeOf(result), `exit of ${this.person} is never refused`).toBe('ok')
    if (result.ok) r.exitIds.set(this.person, result.value.id)
    m.lastRecord.set(this.person, {
      kind: 'exit',
      wasInside: m.inside.has(this.person),
      ticked: m.rollCall.delete(this.person),
    })
    m.latestExit = this.person
    m.inside.delete(this.person)
  }
  toString = () => `Exit(${this.person})`
}

/**
 * Corrects the person's latest exit as a mistake: it puts back inside only someone who was inside
 * before that exit, so it is never a way in past the interlock.
 */
class CorrectExit implements Command {
  /**
   * A given person's latest exit; (null) the latest exit of anyone, as an attendant usually notices at once;
   * or ('someone who left') the latest exit of anyone who really was inside, the case a correction exists for.
   */
  constructor(readonly target: Person | null | 'someone who left') {}
  private personIn = (m: Readonly<Model>): Person | null => {
    if (this.target === 'someone who left')
      return [...m.lastRecord].find(([, last]) => last.kind === 'exit' && last.wasInside)?.[0] ?? null
    return this.target ?? m.latestExit
  }
  check = (m: Readonly<Model>) => {
    const person = this.personIn(m)
    return person !== null && m.lastRecord.get(person)?.kind === 'exit'
  }
  async run(m: Model, r: Real) {
    const person = this.personIn(m)
    if (person === null) return
    const last = m.lastRecord.get(person)
    const expected = last?.kind === 'exit' && last.wasInside
    const result = await r.t.call(
      'entries.correctExit',
      { permitId: r.permitId, exitId: r.exitIds.get(person) ?? 0, reason: 'Model step' },
      r.supervisor,
    )
    expect(codeOf(result), `correction of ${person}'s exit`).toBe(expected ? 'ok' : 'PRECONDITION_FAILED')
    count(expected ? 'exit corrected' : 'correction of an exit without entry refused')
    if (!expected) return
    m.inside.add(person)
    if (last.ticked) m.rollCall.add(person)
    m.lastRecord.set(person, { kind: 'entry' })
  }
  toString = () => `CorrectExit(${this.target ?? 'latest exit'})`
}

class Test implements Command {
  constructor(
    readonly gases: Gases,
    readonly offsetMs: number,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const now = r.t.clock.now()
    const takenAt = now + this.offsetMs
    const result = await r.t.call(
      'atmosphere.recordTest',
      {
        permitId: r.permitId,
        kind: 'periodic',
        takenAt,
        values: this.gases,
        instrument: 'MX4',
        tester: { name: 'Tess' },
      },
      r.supervisor,
    )
    if (this.offsetMs > skewMs) {
      expect(codeOf(result), 'a stamp too far ahead').toBe('VALIDATION')
      count('stamp too far ahead refused')
      return
    }
    expect(codeOf(result), 'test').toBe('ok')
    if (this.offsetMs > 0) count('test stamped ahead')
    m.seq += 1
    m.tests.push({ seq: m.seq, takenAt, recordedAt: now, gases: this.gases })
    observeAlarms(m, 'tests', this.gases)
  }
  toString = () => `Test(${JSON.stringify(this.gases)}, ${this.offsetMs / second} s)`
}

/** A continuous reading from the field monitor, of some of the gases (a gas not measured is left out). */
class Monitor implements Command {
  constructor(readonly values: Partial<Gases>) {}
  check = () => true
  async run(m: Model, r: Real) {
    const reading = {
      permitId: r.permitId,
      loggedAt: r.t.clock.now(),
      monitoredBy: 'FIELD-1',
      ...(this.values.o2 === undefined ? {} : { oxygenPercent: this.values.o2 }),
      ...(this.values.lel === undefined ? {} : { lelPercent: this.values.lel }),
      ...(this.values.h2s === undefined ? {} : { h2sPpm: this.values.h2s }),
      ...(this.values.co === undefined ? {} : { coPpm: this.values.co }),
    }
    const result = await r.t.call('readings.ingest', { readings: [reading] }, r.device)
    expect(codeOf(result), 'continuous reading').toBe('ok')
    const before = m.alarms.filter((a) => a.source === 'monitor' && a.active).length
    observeAlarms(m, 'monitor', this.values)
    if (m.alarms.filter((a) => a.source === 'monitor' && a.active).length > before) count('monitor alarm raised')
  }
  toString = () => `Monitor(${JSON.stringify(this.values)})`
}

/** A supervisor acknowledges every open alarm and resolves those cleared, latched or not. */
class Resolve implements Command {
  check = (m: Readonly<Model>) => m.alarms.some((a) => !a.active)
  async run(m: Model, r: Real) {
    const open = (await r.t.ok('alarms.list', { permitId: r.permitId, open: true, limit: 200 }, r.supervisor)).items
    const pending = open.filter((a) => a.acknowledgedAt === null).map((a) => a.id)
    if (pending.length > 0) await r.t.ok('alarms.acknowledge', { alarmIds: pending }, r.supervisor)
    const cleared = open.filter((a) => a.clearedAt !== null)
    expect(cleared.length, 'cleared alarms').toBe(m.alarms.filter((a) => !a.active).length)
    expect(open.length, 'open alarms').toBe(m.alarms.length)
    for (const alarm of cleared)
      await r.t.ok('alarms.resolve', { alarmId: alarm.id, resolution: 'real_event', helpSent: false }, r.supervisor)
    if (m.alarms.some((a) => !a.active && a.latched)) count('latched alarm resolved')
    m.alarms = m.alarms.filter((a) => a.active)
  }
  toString = () => 'Resolve'
}

class Wait implements Command {
  constructor(readonly ms: number) {}
  check = () => true
  async run(_m: Model, r: Real) {
    r.t.clock.advance(this.ms)
  }
  toString = () => `Wait(${this.ms / second} s)`
}

/** Time runs past the end of the permit's validity: every later entry must be refused for it, exits still accepted. */
class OutlastPermit implements Command {
  constructor(readonly beyond: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    r.t.clock.advance(Math.max(0, m.validTo - r.t.clock.now()) + this.beyond)
  }
  toString = () => `OutlastPermit(+${this.beyond / second} s)`
}

class Relieve implements Command {
  constructor(readonly who: Attendant) {}
  check = (m: Readonly<Model>) => m.onDuty.has(this.who)
  async run(m: Model, r: Real) {
    const assignmentId = r.assignments.get(this.who) ?? 0
    await r.t.ok('attendants.setStatus', { assignmentId, status: 'relieved' }, r.supervisor)
    m.onDuty.delete(this.who)
    count(`relieve ${this.who}`)
  }
  toString = () => `Relieve(${this.who})`
}

class GoOnDuty implements Command {
  constructor(readonly who: Attendant) {}
  check = (m: Readonly<Model>) => !m.onDuty.has(this.who) && m.active[this.who]
  async run(m: Model, r: Real) {
    const now = r.t.clock.now()
    const shiftEnd = now + 24 * hour
    const shift = await r.t.ok(
      'attendants.assign',
      { permitId: r.permitId, userId: r.userIds[this.who], shiftName: 'Next', shiftStart: now, shiftEnd },
      r.supervisor,
    )
    const result = await r.t.call('attendants.setStatus', { assignmentId: shift.id, status: 'on_duty' }, r.supervisor)
    // 1910.146(i)(4): an attendant keeps watch from outside; nobody recorded inside goes on duty.
    const inside = this.who === 'art' && (m.inside.has('art') || m.inside.has('artByName'))
    expect(codeOf(result), `${this.who} goes on duty`).toBe(inside ? 'PRECONDITION_FAILED' : 'ok')
    if (inside) {
      count('attendant inside refused duty')
      return
    }
    r.assignments.set(this.who, shift.id)
    m.onDuty.set(this.who, shiftEnd)
  }
  toString = () => `GoOnDuty(${this.who})`
}

/** Deactivates an active account, or reactivates a deactivated one. */
class ToggleAccount implements Command {
  constructor(readonly who: 'art' | 'dee') {}
  check = () => true
  async run(m: Model, r: Real) {
    const active = !m.active[this.who]
    await r.t.ok('users.setActive', { userId: r.userIds[this.who], active, reason: 'Model step' }, r.admin)
    m.active[this.who] = active
    count(active ? 'reactivate' : 'deactivate')
  }
  toString = () => `ToggleAccount(${this.who})`
}

/** An administrator turns the site's "entry needs a grant" setting on or off. */
class RequireGrants implements Command {
  constructor(readonly on: boolean) {}
  check = (m: Readonly<Model>) => m.grantRequired !== this.on
  async run(m: Model, r: Real) {
    const { id, code, name, limitProfile, maxTestAgeMinutes } = r.site
    await r.t.ok(
      'sites.save',
      { id, code, name, limitProfile, maxTestAgeMinutes, entryRequiresGrant: this.on },
      r.admin,
    )
    m.grantRequired = this.on
    count(this.on ? 'grants required' : 'grants not required')
  }
  toString = () => `RequireGrants(${this.on})`
}

/**
 * An administrator asks for an entrant grant on the space on the person's behalf, and the
 * supervisor approves it: refused for a deactivated account, and while a grant still runs.
 */
class GrantEntrant implements Command {
  constructor(
    readonly who: 'art' | 'dee',
    readonly hours: number,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const now = r.t.clock.now()
    const filed = await r.t.call(
      'access.fileRequest',
      {
        resourceId: r.spaceResourceId,
        level: 'entrant',
        justification: 'Model step',
        durationHours: this.hours,
        onBehalfOf: r.userIds[this.who],
      },
      r.admin,
    )
    const running = (m.grants.get(this.who) ?? 0) > now
    const expected = !m.active[this.who] ? 'PRECONDITION_FAILED' : running ? 'CONFLICT' : 'ok'
    expect(codeOf(filed), `entrant grant for ${this.who}`).toBe(expected)
    if (!filed.ok) {
      count(running ? 'grant while one runs refused' : 'grant for a deactivated account refused')
      return
    }
    const decided = await r.t.ok('access.decide', { requestId: filed.value.id, decision: 'approve' }, r.supervisor)
    r.grantIds.set(this.who, decided.grantId ?? 0)
    m.grants.set(this.who, now + this.hours * hour)
    count('grant made')
  }
  toString = () => `GrantEntrant(${this.who}, ${this.hours} h)`
}

/** The supervisor revokes a person's running grant. */
class RevokeGrant implements Command {
  constructor(readonly who: 'art' | 'dee') {}
  check = (m: Readonly<Model>) => m.grants.has(this.who)
  async run(m: Model, r: Real) {
    const running = (m.grants.get(this.who) ?? 0) > r.t.clock.now()
    const result = await r.t.call(
      'access.revokeGrant',
      { grantId: r.grantIds.get(this.who) ?? 0, reason: 'Model step' },
      r.supervisor,
    )
    // A grant that ran out has ended by itself (or will, at the next sweep): only a running one is revoked.
    if (running) expect(codeOf(result), `revoke ${this.who}`).toBe('ok')
    if (running) count('grant revoked')
    m.grants.delete(this.who)
  }
  toString = () => `RevokeGrant(${this.who})`
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
    const now = r.t.clock.now()
    const latched = m.alarms.some((a) => a.latched)
    const expected = m.inside.size === 0 && now < m.validTo && !latched
    const result = await r.t.call('permits.transition', { permitId: r.permitId, action: 'resume' }, r.supervisor)
    expect(codeOf(result), 'resume').toBe(expected ? 'ok' : 'PRECONDITION_FAILED')
    if (latched && m.inside.size === 0) count('resume refused while an alarm is latched')
    if (!expected) return
    m.state = 'authorized'
    m.resumption = { at: now, seqBefore: m.seq }
    count('resume')
  }
  toString = () => 'Resume'
}

// Entries are what is under test, so they come most often; everything else sets up their conditions.
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })
const commands = [
  fc.oneof(
    // art, the attendant who is also an entrant, is tried twice as often: most new cases involve him;
    // so is dee, the one entrant who can hold a grant and be let in when the site requires one.
    weighted(
      8,
      fc.constantFrom<Person>(...people, 'art', 'dee').map((p): Command => new Enter(p)),
    ),
    weighted(
      3,
      fc.constantFrom(...people).map((p): Command => new Exit(p)),
    ),
    weighted(
      2,
      fc.constantFrom(...people).map((p): Command => new Exit(p, true)),
    ),
    weighted(
      2,
      fc.constantFrom<Person | null>(...people, null, null).map((p): Command => new CorrectExit(p)),
    ),
    weighted(2, fc.constant<Command>(new CorrectExit('someone who left'))),
    weighted(
      4,
      fc.tuple(gasesArb, stampOffsetArb).map(([gases, offset]): Command => new Test(gases, offset)),
    ),
    weighted(
      3,
      // Outlasting the permit is rare (about one run in four), so most runs keep it valid to explore the rest.
      fc.oneof(
        weighted(
          6,
          fc.integer({ min: 1, max: 60 }).map((s): Command => new Wait(s * second)),
        ),
        weighted(
          6,
          fc.integer({ min: 1, max: 10 }).map((n): Command => new Wait(n * minute)),
        ),
        weighted(
          5,
          fc.integer({ min: 25, max: 45 }).map((n): Command => new Wait(n * minute)),
        ),
        weighted(
          1,
          fc.constantFrom(0, second, 10 * minute).map((ms): Command => new OutlastPermit(ms)),
        ),
      ),
    ),
    weighted(
      2,
      fc.constantFrom<Attendant>('art', 'amy').map((who): Command => new Relieve(who)),
    ),
    weighted(
      2,
      fc.constantFrom<Attendant>('art', 'amy').map((who): Command => new GoOnDuty(who)),
    ),
    weighted(
      1,
      fc.constantFrom<'art' | 'dee'>('art', 'dee').map((who): Command => new ToggleAccount(who)),
    ),
    weighted(
      3,
      // Like tests, mostly good air, so that the permit is not suspended in every run and entries get their chance.
      fc
        .oneof(
          weighted(
            2,
            fc.record(
              {
                o2: gasValue(20, 21.5, [20.9]),
                lel: gasValue(0, 5, [0]),
                h2s: gasValue(0, 5, [0]),
                co: gasValue(0, 20, [0]),
              },
              { requiredKeys: [] },
            ),
          ),
          weighted(
            1,
            fc.record(
              {
                o2: gasValue(17, 25, [19.5, 23.5, 20.9]),
                lel: gasValue(0, 25, [0, 10, 20]),
                h2s: gasValue(0, 25, [0, 10, 20]),
                co: gasValue(0, 80, [0, 35, 70]),
              },
              { requiredKeys: [] },
            ),
          ),
        )
        .filter((values) => Object.keys(values).length > 0)
        .map((values): Command => new Monitor(values)),
    ),
    weighted(2, fc.constant<Command>(new Resolve())),
    weighted(
      1,
      fc.boolean().map((on): Command => new RequireGrants(on)),
    ),
    weighted(
      2,
      fc
        .tuple(fc.constantFrom<'art' | 'dee'>('art', 'dee'), fc.constantFrom(1, 2, 8))
        .map(([who, hours]): Command => new GrantEntrant(who, hours)),
    ),
    weighted(
      1,
      fc.constantFrom<'art' | 'dee'>('art', 'dee').map((who): Command => new RevokeGrant(who)),
    ),
    weighted(1, fc.constant<Command>(new Suspend())),
    weighted(2, fc.constant<Command>(new Resume())),
  ),
]

describe('the entry interlock, against the real backend', () => {
  it('refuses an entry with exactly the unmet conditions, always accepts exits, and keeps an exact headcount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { size: 'large', maxCommands: 60 }), fc.boolean(), async (cmds, gated) => {
        // Time jumps by hours here; sessions must outlast them (idle expiry has its own test).
        const t = makeTestBackend({ sessionPolicy: longSessions })
        try {
          const s = await confinedSpaceSite(t)
          const dee = await t.userWithRoles(s.admin.token, 'dee', ['entrant'])
          const amy = await t.userWithRoles(s.admin.token, 'amy', ['attendant'])
          // Ninety minutes of validity, so that random waits often reach its end.
          const ready = await s.readyPermit({
            validFrom: t.clock.now(),
            validTo: t.clock.now() + 90 * minute,
            entrants: [
              { name: 'Ana Silva' },
              { name: 'Ben Carter' },
              { userId: s.attendant.user.id },
              { userId: dee.user.id },
            ],
          })
          // A second attendant keeps watch too, so that art can be relieved and go in.
          const amyShift = await t.ok(
            'attendants.assign',
            {
              permitId: ready.id,
              userId: amy.user.id,
              shiftName: 'Day',
              shiftStart: t.clock.now(),
              shiftEnd: t.clock.now() + 12 * hour,
            },
            s.supervisor.token,
          )
          await t.ok('attendants.setStatus', { assignmentId: amyShift.id, status: 'on_duty' }, amy.token)
          const permit = await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)
          const [first] = permit.tests
          const [shift] = permit.attendants
          if (!first || !shift) throw new Error('a ready permit has a test and an attendant on duty')
          const model: Model = {
            state: 'authorized',
            inside: new Set(),
            onDuty: new Map([
              ['art', shift.shiftEnd],
              ['amy', amyShift.shiftEnd],
            ]),
            active: { art: true, dee: true, amy: true },
            tests: [
              { seq: 1, takenAt: first.takenAt, recordedAt: first.takenAt, gases: { o2: 20.9, lel: 0, h2s: 0, co: 1 } },
            ],
            seq: 1,
            resumption: null,
            validTo: permit.card.validTo,
            lastRecord: new Map(),
            latestExit: null,
            alarms: [],
            rollCall: new Set(),
            grantRequired: false,
            grants: new Map(),
          }
          const real: Real = {
            t,
            permitId: ready.id,
            supervisor: s.supervisor.token,
            admin: s.admin.token,
            userIds: { art: s.attendant.user.id, dee: dee.user.id, amy: amy.user.id },
            assignments: new Map([
              ['art', ready.assignmentId],
              ['amy', amyShift.id],
            ]),
            exitIds: new Map(),
            device: (await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)).token,
            site: s.site,
            spaceResourceId: (await t.ok('access.resources', { search: 'space:TK-101' }, s.admin.token))[0]?.id ?? 0,
            grantIds: new Map(),
          }
          await s.registerInstrument(s.site.id, 'FIELD-1')
          // Half the runs start at a site that requires grants, dee holding one: entries on a grant get their chance.
          if (gated) {
            await new RequireGrants(true).run(model, real)
            await new GrantEntrant('dee', 8).run(model, real)
          }
          await fc.asyncModelRun(() => ({ model, real }), cmds)
          const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
          expect(card.inside.map((p) => p.name).sort()).toEqual([...model.inside].map((p) => displayName[p]).sort())
          expect(card.state).toBe(model.state)
          const inside = await t.ok('entries.inside', {}, s.supervisor.token)
          expect(inside.reduce((n, space) => n + space.headcount, 0)).toBe(model.inside.size)
        } finally {
          t.dispose()
        }
      }),
      { numRuns: 100 },
    )
    console.log('entry steps and verdicts exercised', tally)
    // Every kind of case the model knows must actually have happened, or the property proved nothing about it.
    // The seed is random, so each floor is about a third of the fewest seen in ten runs: a miss means the
    // generator stopped reaching the case, not bad luck.
    // (An attendant recorded inside trying to go on duty is rarer; it is checked whenever it happens, and
    // entry-safety.test.ts proves it directly.)
    const atLeast: Record<string, number> = {
      accepted: 20,
      permit_state: 20,
      validity_window: 3,
      authorized_entrant: 20,
      account_active: 10,
      not_attendant_on_duty: 10,
      attendant_on_duty: 20,
      test_exists: 3,
      test_fresh: 10,
      atmosphere_acceptable: 20,
      not_inside: 5,
      'attendant who is also an entrant refused': 10,
      'pre-resumption test ignored': 3,
      'failing test prevailed over a later stamp': 3,
      'test stamped ahead': 30,
      'stamp too far ahead refused': 10,
      deactivate: 10,
      reactivate: 2,
      resume: 5,
      'exit corrected': 3,
      no_gas_alarm: 10,
      'monitor alarm raised': 12,
      'high alarm acted': 8,
      'breach with people inside acted': 2,
      'latched alarm resolved': 4,
      'resume refused while an alarm is latched': 3,
      'correction of an exit without entry refused': 5,
      space_grant: 20,
      'grant made': 20,
      'grant revoked': 3,
      'grant while one runs refused': 3,
      'entry on a grant accepted': 5,
    }
    for (const [kind, minimum] of Object.entries(atLeast))
      expect(tally[kind] ?? 0, kind).toBeGreaterThanOrEqual(minimum)
  }, 180_000)
})
