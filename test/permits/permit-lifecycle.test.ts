import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { authorizationStatement } from '../../src/shared/domain/authorization-statement'
import { permitStates } from '../../src/shared/domain/permit-lifecycle'
import { longSessions, makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { ana, ben, confinedSpaceSite } from '../support/scenario'

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)
const messageOf = (result: { ok: boolean; error?: { message: string } }) =>
  result.ok ? '' : (result.error?.message ?? '')

describe('preparing a permit', () => {
  it('numbers permits per site and year and keeps every (f) field', async () => {
    const first = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    const second = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    expect(first.card.number).toBe('CSE-NORTH-2026-0001')
    expect(second.card.number).toBe('CSE-NORTH-2026-0002')
    expect(first.card.state).toBe('draft')
    expect(first.fields).toMatchObject({
      purpose: 'Inspect floor welds',
      hazards: ['Oxygen deficiency', 'H2S'],
      rescueService: 'Site rescue team',
      communicationMethod: 'Radio',
      relatedPermits: ['HW-7'],
      conditions: { o2Min: 19.5, o2Max: 23.5, lelMax: 10, h2sMax: 10, coMax: 35 },
    })
    expect(first.entrants.map((e) => e.name)).toEqual(['Ana Silva', 'Ben Carter', 'art'])
  })

  it('lets conditions be made stricter, and refuses looser ones naming the field', async () => {
    const strict = await t.ok(
      'permits.create',
      s.permitFields({ conditions: { o2Min: 20, o2Max: 22, lelMax: 5, h2sMax: 5, coMax: 25 } }),
      s.supervisor.token,
    )
    expect(strict.fields.conditions.o2Min).toBe(20)
    const loose = await t.call(
      'permits.create',
      s.permitFields({ conditions: { o2Min: 19, o2Max: 23.5, lelMax: 10, h2sMax: 10, coMax: 35 } }),
      s.supervisor.token,
    )
    expect(codeOf(loose)).toBe('VALIDATION')
    expect(loose.ok ? [] : loose.error.issues?.map((i) => i.field)).toEqual(['conditions.o2Min'])
  })

  it('refuses validity longer than a day or ending before it starts, naming validTo', async () => {
    const now = t.clock.now()
    for (const validTo of [now + 25 * 3_600_000, now - 1]) {
      const result = await t.call('permits.create', s.permitFields({ validFrom: now, validTo }), s.supervisor.token)
      expect(result.ok ? [] : result.error.issues?.map((i) => i.field)).toContain('validTo')
    }
  })

  it('edits only a draft, and refuses an edit made against an old version with CONFLICT', async () => {
    const draft = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    const edited = await t.ok(
      'permits.update',
      { permitId: draft.card.id, version: draft.card.version, fields: s.permitFields({ purpose: 'Weld repair' }) },
      s.supervisor.token,
    )
    expect(edited.fields.purpose).toBe('Weld repair')
    const stale = await t.call(
      'permits.update',
      { permitId: draft.card.id, version: draft.card.version, fields: s.permitFields() },
      s.supervisor.token,
    )
    expect(codeOf(stale)).toBe('CONFLICT')
    await t.ok('permits.transition', { permitId: draft.card.id, action: 'submit' }, s.supervisor.token)
    const pending = await t.call(
      'permits.update',
      { permitId: draft.card.id, version: edited.card.version + 1, fields: s.permitFields() },
      s.supervisor.token,
    )
    expect(codeOf(pending)).toBe('PRECONDITION_FAILED')
  })
})

describe('the lifecycle', () => {
  it('goes draft -> pending -> authorized -> active -> suspended -> authorized -> active -> closed, each step on the timeline', async () => {
    const ready = await s.readyPermit()
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    expect((await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card.state).toBe('active')
    await t.ok('permits.transition', { permitId: ready.id, action: 'suspend', reason: 'H2S alarm' }, s.supervisor.token)
    const resumeInside = await t.call(
      'permits.transition',
      { permitId: ready.id, action: 'resume' },
      s.supervisor.token,
    )
    expect(messageOf(resumeInside)).toContain('Ana Silva is still inside')
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    await t.ok('permits.transition', { permitId: ready.id, action: 'resume' }, s.supervisor.token)
    await s.recordTest(ready.id)
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    await t.ok('entries.recordExit', { permitId: ready.id, person: ben }, s.attendant.token)
    const noNotes = await t.call('permits.transition', { permitId: ready.id, action: 'close' }, s.supervisor.token)
    expect(messageOf(noNotes)).toContain('Close-out notes are required')
    const closed = await t.ok(
      'permits.transition',
      { permitId: ready.id, action: 'close', closeOutNotes: 'Welds fine; sludge heavier than expected.' },
      s.supervisor.token,
    )
    expect(closed.card.state).toBe('closed')
    expect(closed.fields.closeOutNotes).toContain('sludge')
    expect(closed.timeline.map((e) => e.kind).reverse()).toEqual(
      expect.arrayContaining(['created', 'submit', 'authorize', 'activate', 'suspend', 'resume', 'close']),
    )
  })

  it('refuses every action a state does not allow with PRECONDITION_FAILED and a reason', async () => {
    const draft = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    for (const action of ['return_to_draft', 'suspend', 'resume', 'close'] as const) {
      const result = await t.call(
        'permits.transition',
        { permitId: draft.card.id, action, closeOutNotes: 'x' },
        s.supervisor.token,
      )
      expect(codeOf(result), action).toBe('PRECONDITION_FAILED')
      expect(messageOf(result), action).toMatch(/draft cannot be/)
    }
    await t.ok(
      'permits.transition',
      { permitId: draft.card.id, action: 'cancel', reason: 'Work postponed' },
      s.supervisor.token,
    )
    const afterCancel = await t.call(
      'permits.transition',
      { permitId: draft.card.id, action: 'submit' },
      s.supervisor.token,
    )
    expect(messageOf(afterCancel)).toContain('is final')
  })

  it('authorizes only with the named entry supervisor’s own password, every isolation measure done or confirmed', async () => {
    const draft = await t.ok(
      'permits.create',
      s.permitFields({ isolationMeasures: [{ measure: 'Blind flange', done: false }] }),
      s.supervisor.token,
    )
    const id = draft.card.id
    await t.ok('permits.transition', { permitId: id, action: 'submit' }, s.supervisor.token)
    const other = await t.userWithRoles(s.admin.token, 'otto', ['supervisor'])
    expect(codeOf(await t.call('permits.authorize', { permitId: id, password: testPassword }, other.token))).toBe(
      'FORBIDDEN',
    )
    // The measure is checked before the password is: a wrong password is not even looked at yet.
    const unconfirmed = await t.call(
      'permits.authorize',
      { permitId: id, password: 'not my password' },
      s.supervisor.token,
    )
    expect(unconfirmed.ok ? null : unconfirmed.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      unmet: [{ code: 'measure_not_done', message: 'Blind flange is not done.' }],
    })
    const confirmedMeasures = ['Blind flange']
    const wrong = await t.call(
      'permits.authorize',
      { permitId: id, password: 'not my password', confirmedMeasures },
      s.supervisor.token,
    )
    expect(wrong.ok ? [] : wrong.error.issues?.map((i) => i.field)).toEqual(['password'])
    const signed = await t.ok(
      'permits.authorize',
      { permitId: id, password: testPassword, confirmedMeasures },
      s.supervisor.token,
    )
    expect(signed.authorization).toMatchObject({ byUsername: 'sue', at: t.clock.now() })
    expect(signed.authorization?.statement).toBe(
      authorizationStatement({
        displayName: 'sue',
        username: 'sue',
        spaceTag: 'TK-101',
        permitNumber: signed.card.number,
        validFrom: signed.card.validFrom,
        validTo: signed.card.validTo,
      }),
    )
    expect(signed.fields.isolationMeasures).toEqual([{ measure: 'Blind flange', done: true }])
  })

  it('expires at the end of validity by the injected clock: no entries, an alarm while anyone is inside, exits still accepted', async () => {
    const ready = await s.readyPermit({ validTo: t.clock.now() + 2 * 3_600_000 })
    await t.ok('entries.recordEntry', { permitId: ready.id, person: ana }, s.attendant.token)
    t.clock.advance(2 * 3_600_000 - 1)
    expect(t.backend.expireDue()).toBe(0)
    t.clock.advance(1)
    expect(t.backend.expireDue()).toBe(1)
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.state).toBe('expired')
    expect(card.alarms.join(' ')).toContain('Permit expired with 1 person inside')
    const entry = await t.call('entries.recordEntry', { permitId: ready.id, person: ben }, s.attendant.token)
    expect(codeOf(entry)).toBe('PRECONDITION_FAILED')
    await t.ok('entries.recordExit', { permitId: ready.id, person: ana }, s.attendant.token)
    expect((await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card.alarms).toEqual([])
  })

  it('records a transfer of entry supervisor with the confirmation', async () => {
    const ready = await s.readyPermit()
    const next = await t.userWithRoles(s.admin.token, 'nora', ['supervisor'])
    const moved = await t.ok(
      'permits.transferSupervisor',
      { permitId: ready.id, newSupervisorId: next.user.id, conditionsConfirmed: true, note: 'Shift change' },
      s.supervisor.token,
    )
    expect(moved.card.entrySupervisor).toBe('nora')
    expect(moved.timeline[0]).toMatchObject({ kind: 'supervisor_transferred', actorName: 'sue' })
    const unconfirmed = await t.call(
      'permits.transferSupervisor',
      { permitId: ready.id, newSupervisorId: s.supervisor.user.id, conditionsConfirmed: false },
      next.token,
    )
    expect(codeOf(unconfirmed)).toBe('VALIDATION')
  })

  it('knows every state of the state machine', () => {
    expect(permitStates).toEqual([
      'draft',
      'pending_authorization',
      'authorized',
      'active',
      'suspended',
      'closed',
      'cancelled',
      'expired',
    ])
  })
})
