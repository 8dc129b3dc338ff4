import { describe, expect, it } from 'vitest'
import {
  acceptsEntries,
  allowedActions,
  expiryDue,
  isTerminal,
  permitActions,
  permitStateLabels,
  permitStates,
  transition,
  type PermitAction,
  type PermitState,
  type TransitionContext,
} from '../../src/shared/domain/permit-lifecycle'

const validTo = 1_750_000_000_000
const open: TransitionContext = {
  peopleInside: 0,
  closeOutNotes: 'Work done.',
  reason: 'Scope changed.',
  now: validTo - 1,
  validTo,
}

/** The design's table, written out here independently of the implementation. */
const expected: Record<PermitAction, { from: PermitState[]; to: PermitState }> = {
  submit: { from: ['draft'], to: 'pending_authorization' },
  return_to_draft: { from: ['pending_authorization'], to: 'draft' },
  authorize: { from: ['pending_authorization'], to: 'authorized' },
  activate: { from: ['authorized'], to: 'active' },
  suspend: { from: ['authorized', 'active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'authorized' },
  close: { from: ['authorized', 'active', 'suspended', 'expired'], to: 'closed' },
  cancel: { from: ['draft', 'pending_authorization', 'authorized', 'active', 'suspended', 'expired'], to: 'cancelled' },
  expire: { from: ['authorized', 'active', 'suspended'], to: 'expired' },
}

/** A context in which the action's own preconditions hold: only expiry needs the end time reached. */
const contextFor = (action: PermitAction): TransitionContext => (action === 'expire' ? { ...open, now: validTo } : open)

const cases = permitStates.flatMap((state) => permitActions.map((action) => ({ state, action })))

describe('the permit lifecycle', () => {
  it.each(cases.filter(({ state, action }) => expected[action].from.includes(state)))(
    'lets a $state permit be sent through $action',
    ({ state, action }) => {
      expect(transition(state, action, contextFor(action))).toEqual({ ok: true, next: expected[action].to })
    },
  )

  it.each(cases.filter(({ state, action }) => !expected[action].from.includes(state)))(
    'refuses $action on a $state permit with a sentence naming the state',
    ({ state, action }) => {
      const result = transition(state, action, contextFor(action))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.reason).toContain(permitStateLabels[state].toLowerCase())
      expect(result.reason).toMatch(/^A .+\.$/)
    },
  )

  it('lists, for each state, exactly the actions the table allows', () => {
    for (const state of permitStates) {
      const allowed = permitActions.filter((action) => expected[action].from.includes(state))
      expect(allowedActions(state), state).toEqual(allowed)
    }
  })

  it('treats only closed and cancelled as final', () => {
    expect(permitStates.filter(isTerminal)).toEqual(['closed', 'cancelled'])
  })

  it('accepts entries only on an authorized or active permit', () => {
    expect(permitStates.filter(acceptsEntries)).toEqual(['authorized', 'active'])
  })

  it('tells a supervisor why a closed permit cannot be resumed', () => {
    const reason = 'A closed permit is final: it cannot be resumed.'
    expect(transition('closed', 'resume', open)).toEqual({
      ok: false,
      reason,
      problems: [{ code: 'permit_state', message: reason }],
    })
  })

  it('tells a supervisor what a pending permit can do instead of being activated', () => {
    expect(transition('pending_authorization', 'activate', open)).toMatchObject({
      ok: false,
      reason:
        'A permit that is pending authorization cannot be activated; it can be returned to draft, authorized or cancelled.',
      problems: [{ code: 'permit_state' }],
    })
  })
})

describe('closing a permit', () => {
  it('is refused while people are inside, saying how many', () => {
    const reason = 'A permit can only be closed when everyone is out: 2 people are still inside.'
    expect(transition('active', 'close', { ...open, peopleInside: 2 })).toEqual({
      ok: false,
      reason,
      problems: [{ code: 'everyone_out', message: reason }],
    })
    expect(transition('active', 'close', { ...open, peopleInside: 1 })).toMatchObject({
      reason: 'A permit can only be closed when everyone is out: 1 person is still inside.',
    })
  })

  it('names who is inside when their names are known, and falls back to the count when they do not add up', () => {
    expect(transition('active', 'close', { ...open, peopleInside: 1, namesInside: ['Ana Silva'] })).toMatchObject({
      reason: 'A permit can only be closed when everyone is out: Ana Silva is still inside.',
    })
    expect(
      transition('active', 'close', { ...open, peopleInside: 3, namesInside: ['Ana Silva', 'Ben Carter', 'Art'] }),
    ).toMatchObject({
      reason: 'A permit can only be closed when everyone is out: Ana Silva, Ben Carter and Art are still inside.',
    })
    // A count that disagrees with the names is never hidden behind them.
    expect(transition('active', 'close', { ...open, peopleInside: 2, namesInside: ['Ana Silva'] })).toMatchObject({
      reason: 'A permit can only be closed when everyone is out: 2 people are still inside.',
    })
  })

  it('is refused without close-out notes, or with notes that are only spaces', () => {
    expect(transition('active', 'close', { ...open, closeOutNotes: undefined }).ok).toBe(false)
    expect(transition('active', 'close', { ...open, closeOutNotes: '   ' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Close-out notes are required'),
    })
  })

  it('reports every missing precondition at once', () => {
    const result = transition('suspended', 'close', { ...open, peopleInside: 3, closeOutNotes: '' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toContain('3 people are still inside')
    expect(result.reason).toContain('Close-out notes are required')
  })

  it('is allowed after expiry once everyone is out', () => {
    expect(transition('expired', 'close', { ...open, now: validTo + 1 })).toEqual({ ok: true, next: 'closed' })
  })
})

describe('cancelling, suspending and resuming a permit', () => {
  it('refuses a cancellation without a reason', () => {
    expect(transition('draft', 'cancel', { ...open, reason: ' ' })).toEqual({
      ok: false,
      reason: 'A reason is required to cancel a permit.',
      problems: [{ code: 'cancel_reason', message: 'A reason is required to cancel a permit.' }],
    })
  })

  it('refuses a cancellation while people are inside', () => {
    expect(transition('active', 'cancel', { ...open, peopleInside: 1 }).ok).toBe(false)
  })

  it('suspends a permit with people inside and without a reason: a suspension is never blocked', () => {
    expect(transition('active', 'suspend', { peopleInside: 4, now: validTo + 1, validTo })).toEqual({
      ok: true,
      next: 'suspended',
    })
  })

  it('resumes to authorized, not active, so the next entry passes the full interlock again', () => {
    expect(transition('suspended', 'resume', open)).toEqual({ ok: true, next: 'authorized' })
  })

  it('refuses to resume while anyone is still inside', () => {
    expect(transition('suspended', 'resume', { ...open, peopleInside: 1 })).toMatchObject({
      ok: false,
      reason: 'A permit can only be resumed when everyone is out: 1 person is still inside.',
    })
  })

  it('refuses to authorize, activate or resume once the validity has ended', () => {
    const ended = { ...open, now: validTo }
    expect(transition('pending_authorization', 'authorize', ended).ok).toBe(false)
    expect(transition('authorized', 'activate', ended).ok).toBe(false)
    expect(transition('suspended', 'resume', ended).ok).toBe(false)
  })
})

describe('expiry', () => {
  it('is refused one millisecond before the end of validity', () => {
    expect(transition('active', 'expire', { ...open, now: validTo - 1 })).toMatchObject({ ok: false })
  })

  it('happens when the end of validity is reached, and after it', () => {
    expect(transition('active', 'expire', { ...open, now: validTo })).toEqual({ ok: true, next: 'expired' })
    expect(transition('suspended', 'expire', { ...open, now: validTo + 60_000 })).toEqual({ ok: true, next: 'expired' })
  })

  it('is due from the end of validity for authorized, active and suspended permits only', () => {
    expect(permitStates.filter((state) => expiryDue(state, validTo, validTo))).toEqual([
      'authorized',
      'active',
      'suspended',
    ])
    expect(permitStates.filter((state) => expiryDue(state, validTo, validTo - 1))).toEqual([])
  })
})
