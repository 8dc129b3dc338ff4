import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, ben, confinedSpaceSite } from '../support/scenario'

/** Issue 6: the four ways past the interlock, each closed, seen through dispatch() as a caller sees it. */

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

const second = 1000
const minute = 60 * second
const unmetCodes = (result: { ok: boolean; error?: { unmet?: { code: string }[] } }) =>
  result.ok ? [] : (result.error?.unmet ?? []).map((u) => u.code)

async function secondAttendantOnDuty(permitId: number) {
  const amy = await t.userWithRoles(s.admin.token, 'amy', ['attendant'])
  const now = t.clock.now()
  const shift = await t.ok(
    'attendants.assign',
    { permitId, userId: amy.user.id, shiftName: 'Day', shiftStart: now, shiftEnd: now + 8 * 60 * minute },
    s.supervisor.token,
  )
  await t.ok('attendants.setStatus', { assignmentId: shift.id, status: 'on_duty' }, amy.token)
  return amy
}

describe('the attendant on duty', () => {
  it('is refused entry, even when also listed as an entrant, and the refusal says why as data', async () => {
    const ready = await s.readyPermit()
    const art = { userId: s.attendant.user.id }
    const result = await t.call('entries.recordEntry', { permitId: ready.id, person: art }, s.attendant.token)
    expect(result.ok).toBe(false)
    expect(result.ok ? null : result.error.code).toBe('PRECONDITION_FAILED')
    expect(unmetCodes(result)).toEqual(['not_attendant_on_duty', 'attendant_on_duty'])
    expect(result.ok ? '' : result.error.message).not.toContain('\n')
    expect((await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card.inside).toEqual([])
  })

  it('may enter once relieved, while another attendant keeps watch outside', async () => {
    const ready = await s.readyPermit()
    await secondAttendantOnDuty(ready.id)
    await t.ok('attendants.setStatus', { assignmentId: ready.assignmentId, status: 'relieved' }, s.attendant.token)
    const entry = await t.ok(
      'entries.recordEntry',
      { permitId: ready.id, person: { userId: s.attendant.user.id } },
      s.supervisor.token,
    )
    expect(entry.headcount).toBe(1)
  })

  it('cannot go on duty while recorded inside, so nobody is attendant and entrant at once', async () => {
    const ready = await s.readyPermit()
    await secondAttendantOnDuty(ready.id)
    await t.ok('attendants.setStatus', { assignmentId: ready.assignmentId, status: 'relieved' }, s.attendant.token)
    await t.ok(
      'entries.recordEntry',
      { permitId: ready.id, person: { userId: s.attendant.user.id } },
      s.supervisor.token,
    )
    const now = t.clock.now()
    const shift = await t.ok(
      'attendants.assign',
      {
        permitId: ready.id,
        userId: s.attendant.user.id,
        shiftName: 'Late',
        shiftStart: now,
        shiftEnd: now + minute * 60,
      },
      s.supervisor.token,
    )
    const onDuty = await t.call(
      'attendants.setStatus',
      { assignmentId: shift.id, status: 'on_duty' },
      s.supervisor.token,
    )
    expect(onDuty.ok ? null : onDuty.error.message).toContain('recorded inside a confined space')
  })

  it('on one permit is refused entry into the space of another', async () => {
    const first = await s.readyPermit()
    const other = await s.readyPermit()
    await secondAttendantOnDuty(other.id)
    await t.ok('attendants.setStatus', { assignmentId: other.assignmentId, status: 'relieved' }, s.attendant.token)
    const result = await t.call(
      'entries.recordEntry',
      { permitId: other.id, person: { userId: s.attendant.user.id } },
      s.supervisor.token,
    )
    expect(unmetCodes(result)).toEqual(['not_attendant_on_duty'])
    expect(result.ok ? '' : result.error.message).toContain(first.number)
  })

  it('is still the attendant when entering under their name as a contractor would', async () => {
    const ready = await s.readyPermit({ entrants: [{ name: 'Ana Silva' }, { name: '  ART ' }] })
    const result = await t.call(
      'entries.recordEntry',
      { permitId: ready.id, person: { name: 'art' } },
      s.supervisor.token,
    )
    expect(unmetCodes(result)).toEqual(['not_attendant_on_duty', 'attendant_on_duty'])
    // Relieved, with another attendant watching, the same person may go in under that name.
    await secondAttendantOnDuty(ready.id)
    await t.ok('attendants.setStatus', { assignmentId: ready.assignmentId, status: 'relieved' }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: { name: 'art' } }, s.supervisor.token)
    // And while inside under that name, cannot go back on duty.
    const now = t.clock.now()
    const shift = await t.ok(
      'attendants.assign',
      {
        permitId: ready.id,
        userId: s.attendant.user.id,
        shiftName: 'Late',
        shiftStart: now,
        shiftEnd: now + 60 * minute,
      },
      s.supervisor.token,
    )
    const onDuty = await t.call(
      'attendants.setStatus',
      { assignmentId: shift.id, status: 'on_duty' },
      s.supervisor.token,
    )
    expect(onDuty.ok ? null : onDuty.error.code).toBe('PRECONDITION_FAILED')
    // Exits are never touched by this: the named record comes out by name.
    const exit = await t.ok('entries.recordExit', { permitId: ready.id, person: { name: 'art' } }, s.supervisor.token)
    expect(exit).toMatchObject({ headcount: 0, warning: null })
  })

  it('does not count once their account is deactivated: an entry then finds no attendant outside', async () => {
    const ready = await s.readyPermit()
    await t.ok(
      'users.setActive',
      { userId: s.attendant.user.id, active: false, reason: 'Left the company' },
      s.admin.token,
    )
    const result = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.supervisor.token)
    expect(unmetCodes(result)).toEqual(['attendant_on_duty'])
    expect((await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card.attendantOnDuty).toBeNull()
  })
})

describe('a test stamped ahead of the clock', () => {
  it('never outranks a later failing test: the failing one decides, even after the stamp has passed', async () => {
    const ready = await s.readyPermit()
    const test = (takenAt: number, lel: number) =>
      t.ok(
        'atmosphere.recordTest',
        {
          permitId: ready.id,
          kind: 'periodic',
          takenAt,
          values: { o2: 20.9, lel, h2s: 0, co: 1 },
          instrument: 'MX4',
          tester: { userId: s.tester.user.id },
        },
        s.tester.token,
      )
    t.clock.advance(minute)
    await test(t.clock.now() + 20 * second, 0)
    t.clock.advance(second)
    await test(t.clock.now(), 15)
    t.clock.advance(30 * second)
    const result = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(unmetCodes(result)).toEqual(['atmosphere_acceptable'])
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.atmosphere.level).toBe('red')
  })
})

describe('re-entry after a suspension', () => {
  it('needs a complete test taken after the resumption; the pre-evacuation test no longer counts', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('evacuations.order', { permitId: ready.id, reason: 'Gas alarm' }, s.attendant.token)
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    t.clock.advance(5 * second)
    await t.ok('permits.transition', { permitId: ready.id, action: 'resume' }, s.supervisor.token)
    t.clock.advance(5 * second)
    const refused = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(unmetCodes(refused)).toEqual(['test_exists'])
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.atmosphere.level).toBe('none')
    expect(card.atmosphere.reasons[0]).toContain('since the permit was resumed')
    await s.recordTest(ready.id)
    expect((await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)).headcount).toBe(
      1,
    )
  })

  it('counts a test taken in the same millisecond as the resumption, but not one committed just before it', async () => {
    const ready = await s.readyPermit()
    await t.ok('permits.transition', { permitId: ready.id, action: 'suspend', reason: 'Weather' }, s.supervisor.token)
    await s.recordTest(ready.id)
    await t.ok('permits.transition', { permitId: ready.id, action: 'resume' }, s.supervisor.token)
    const refused = await t.call('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(unmetCodes(refused)).toEqual(['test_exists'])
    await s.recordTest(ready.id)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
  })
})

describe('a space stopped under another permit', () => {
  it('admits nobody under a second permit while the first is evacuating or suspended', async () => {
    const first = await s.readyPermit()
    const second = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: first.id, person: ana }, s.attendant.token)
    await t.ok('evacuations.order', { permitId: first.id, reason: 'Gas alarm' }, s.attendant.token)
    const during = await t.call('entries.recordEntry', { permitId: second.id, person: ben }, s.attendant.token)
    expect(unmetCodes(during)).toEqual(['space_not_stopped'])
    expect(during.ok ? '' : during.error.message).toContain(`${first.number} (evacuating)`)
    await t.ok('entries.recordExit', { permitId: first.id, person: ana }, s.attendant.token)
    const suspended = await t.call('entries.recordEntry', { permitId: second.id, person: ben }, s.attendant.token)
    expect(suspended.ok ? '' : suspended.error.message).toContain(`${first.number} (suspended)`)
    await t.ok('permits.transition', { permitId: first.id, action: 'cancel', reason: 'Job moved' }, s.supervisor.token)
    await t.ok('entries.recordEntry', { permitId: second.id, person: ben }, s.attendant.token)
  })
})

describe('a deactivated account still listed as an entrant', () => {
  it('is refused with that reason, and the permit marks the entrant', async () => {
    const dee = await t.userWithRoles(s.admin.token, 'dee', ['entrant'])
    const ready = await s.readyPermit({
      entrants: [{ name: 'Ana Silva' }, { userId: dee.user.id }],
    })
    await t.ok('users.setActive', { userId: dee.user.id, active: false, reason: 'Medical restriction' }, s.admin.token)
    const result = await t.call(
      'entries.recordEntry',
      { permitId: ready.id, person: { userId: dee.user.id } },
      s.attendant.token,
    )
    expect(unmetCodes(result)).toEqual(['account_active'])
    const detail = await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)
    expect(detail.entrants.map((e) => [e.name, e.deactivated])).toEqual([
      ['Ana Silva', false],
      ['dee', true],
    ])
    await t.ok('users.setActive', { userId: dee.user.id, active: true, reason: 'Cleared' }, s.admin.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: { userId: dee.user.id } }, s.attendant.token)
  })
})

describe('a refusal', () => {
  it('of any command carries its unmet conditions as data: closing with people inside names the rule', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    const close = await t.call('permits.transition', { permitId: ready.id, action: 'close' }, s.supervisor.token)
    expect(close.ok ? [] : close.error.unmet?.map((u) => u.code)).toEqual(['everyone_out', 'close_out_notes'])
    const twice = await t.call(
      'entries.correctExit',
      { permitId: ready.id, exitId: 999, reason: 'x' },
      s.attendant.token,
    )
    expect(twice.ok ? null : twice.error.code).toBe('NOT_FOUND')
    const retire = await t.call('spaces.retire', { spaceId: s.space.id, reason: 'Old' }, s.supervisor.token)
    expect(retire.ok ? [] : retire.error.unmet).toEqual([
      { code: 'precondition', message: retire.ok ? '' : retire.error.message },
    ])
  })

  it('is audited with its codes and writes nothing else', async () => {
    const ready = await s.readyPermit()
    const audits = t.auditCount()
    const result = await t.call(
      'entries.recordEntry',
      { permitId: ready.id, person: { name: 'Stranger' } },
      s.attendant.token,
    )
    expect(unmetCodes(result)).toEqual(['authorized_entrant'])
    expect(t.auditCount()).toBe(audits + 1)
    const refusal = await t.ok('audit.list', { limit: 1 }, s.admin.token)
    expect(refusal.items[0]).toMatchObject({ action: 'entry.refused' })
  })
})

describe('correcting a mistaken exit', () => {
  it('puts the person back inside with an audited record, keeping the mistaken exit in the history', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    const exit = await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    expect(exit.headcount).toBe(0)
    t.clock.advance(20 * second)
    const corrected = await t.ok(
      'entries.correctExit',
      { permitId: ready.id, exitId: exit.id, reason: 'Pressed Exit for the wrong person' },
      s.attendant.token,
    )
    expect(corrected.headcount).toBe(1)
    const detail = await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)
    expect(detail.card.inside.map((p) => p.name)).toEqual(['Ana Silva'])
    expect(detail.entries).toHaveLength(1)
    expect(detail.entries[0]).toMatchObject({ personName: 'Ana Silva', exitTime: null, exitId: null })
    expect(detail.entries[0]?.remarks).toContain('Pressed Exit for the wrong person')
    expect(detail.timeline[0]).toMatchObject({ kind: 'exit_corrected' })
    const audit = await t.ok('audit.list', { limit: 1 }, s.admin.token)
    expect(audit.items[0]).toMatchObject({ action: 'exit.corrected' })
    // Exits stay one click: the corrected person can leave again at once.
    expect((await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)).headcount).toBe(0)
  })

  it('corrects only the latest exit of that person, only an exit, and never on a closed permit', async () => {
    const ready = await s.readyPermit()
    const entry = await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    const first = await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    const before = t.snapshot()
    const stale = await t.call(
      'entries.correctExit',
      { permitId: ready.id, exitId: first.id, reason: 'x' },
      s.attendant.token,
    )
    expect(stale.ok ? '' : stale.error.message).toContain('only their latest exit')
    const notExit = await t.call(
      'entries.correctExit',
      { permitId: ready.id, exitId: entry.id, reason: 'x' },
      s.attendant.token,
    )
    expect(notExit.ok ? '' : notExit.error.code).toBe('PRECONDITION_FAILED')
    expect(t.snapshot()).toBe(before)
    const last = await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok(
      'permits.transition',
      { permitId: ready.id, action: 'close', closeOutNotes: 'Done.' },
      s.supervisor.token,
    )
    const closed = await t.call(
      'entries.correctExit',
      { permitId: ready.id, exitId: last.id, reason: 'x' },
      s.attendant.token,
    )
    expect(closed.ok ? '' : closed.error.message).toContain('emergency')
  })

  it('never lets in someone who was not inside: an exit logged for a person never recorded inside cannot be undone', async () => {
    const ready = await s.readyPermit()
    const walkIn = await t.ok(
      'entries.recordExit',
      { permitId: ready.id, person: { name: 'Walk In' } },
      s.attendant.token,
    )
    expect(walkIn.warning).not.toBeNull()
    const before = t.snapshot()
    const result = await t.call(
      'entries.correctExit',
      { permitId: ready.id, exitId: walkIn.id, reason: 'Let me in' },
      s.attendant.token,
    )
    expect(result.ok ? '' : result.error.message).toContain('was not recorded inside before that exit')
    expect(t.snapshot()).toBe(before)
  })

  it('runs a completed roll call again: someone is still inside', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    await t.ok('evacuations.order', { permitId: ready.id, reason: 'Gas alarm' }, s.attendant.token)
    const exit = await t.ok('entries.recordExit', { permitId: ready.id, person: ben }, s.attendant.token)
    expect(await t.ok('evacuations.active', {}, s.supervisor.token)).toEqual([])
    await t.ok(
      'entries.correctExit',
      { permitId: ready.id, exitId: exit.id, reason: 'Ben is still in the tank' },
      s.attendant.token,
    )
    const running = await t.ok('evacuations.active', {}, s.supervisor.token)
    expect(running.map((e) => e.rollCall.map((c) => [c.personName, c.exitedAt]))).toEqual([[['Ben Carter', null]]])
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.evacuation?.stillInside).toEqual(['Ben Carter'])
  })
})

describe('the roll call', () => {
  it('leaves its completion on the timeline and in the audit trail when the last person is out', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    const order = await t.ok('evacuations.order', { permitId: ready.id, reason: 'H2S alarm' }, s.attendant.token)
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    let timeline = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).timeline
    expect(timeline.some((e) => e.kind === 'roll_call_complete')).toBe(false)
    await t.ok('entries.recordExit', { permitId: ready.id, person: ben }, s.attendant.token)
    timeline = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).timeline
    expect(timeline[0]).toMatchObject({
      kind: 'roll_call_complete',
      note: 'Roll call complete: everyone accounted for (Ana Silva, Ben Carter).',
    })
    const audit = await t.ok('audit.list', { limit: 1 }, s.admin.token)
    expect(audit.items[0]?.action).toBe('exit.recorded')
    expect(JSON.stringify(audit.items[0])).toContain(`rollCallsCompleted`)
    expect(JSON.stringify(audit.items[0])).toContain(String(order.id))
  })

  it('is complete at once, and says so, when nobody was inside', async () => {
    const ready = await s.readyPermit()
    await t.ok('evacuations.order', { permitId: ready.id, reason: 'Drill' }, s.attendant.token)
    const timeline = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).timeline
    expect(timeline[0]).toMatchObject({ kind: 'roll_call_complete', note: 'Roll call complete: nobody was inside.' })
  })
})

describe('a closed permit', () => {
  it('ends its attendants’ duty and judges no atmosphere any more', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    const closed = await t.ok(
      'permits.transition',
      { permitId: ready.id, action: 'close', closeOutNotes: 'Work complete.' },
      s.supervisor.token,
    )
    expect(closed.card.attendantOnDuty).toBeNull()
    expect(closed.attendants.map((a) => a.status)).toEqual(['relieved'])
    expect(closed.card.atmosphere).toMatchObject({ level: 'none', takenAt: null })
    expect(closed.card.atmosphere.reasons[0]).toContain('closed')
    expect(closed.timeline.map((e) => e.kind)).toContain('duty_ended')
    expect(closed.entries).toHaveLength(1)
  })
})
