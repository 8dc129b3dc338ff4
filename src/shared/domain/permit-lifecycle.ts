import { z } from 'zod'

/**
 * The one permit state machine. draft -> pending_authorization -> authorized -> active
 * (someone has entered) <-> suspended -> closed or cancelled; a permit whose validity ends
 * becomes expired: no new entries, and it still has to be closed once everyone is out.
 */
export const permitStates = [
  'draft',
  'pending_authorization',
  'authorized',
  'active',
  'suspended',
  'closed',
  'cancelled',
  'expired',
] as const
export type PermitState = (typeof permitStates)[number]
export const permitStateSchema = z.enum(permitStates)

export const permitStateLabels: Record<PermitState, string> = {
  draft: 'Draft',
  pending_authorization: 'Pending authorization',
  authorized: 'Authorized',
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
  cancelled: 'Cancelled',
  expired: 'Expired',
}

export const permitActions = [
  'submit',
  'return_to_draft',
  'authorize',
  'activate',
  'suspend',
  'resume',
  'close',
  'cancel',
  'expire',
] as const
export type PermitAction = (typeof permitActions)[number]
export const permitActionSchema = z.enum(permitActions)

export const permitActionLabels: Record<PermitAction, string> = {
  submit: 'Submit for authorization',
  return_to_draft: 'Return to draft',
  authorize: 'Authorize',
  activate: 'Activate',
  suspend: 'Suspend',
  resume: 'Resume',
  close: 'Close',
  cancel: 'Cancel',
  expire: 'Expire',
}

/** "A permit that is X cannot be <done>": how each action reads in a sentence. */
const actionDone: Record<PermitAction, string> = {
  submit: 'submitted for authorization',
  return_to_draft: 'returned to draft',
  authorize: 'authorized',
  activate: 'activated',
  suspend: 'suspended',
  resume: 'resumed',
  close: 'closed',
  cancel: 'cancelled',
  expire: 'expired',
}

export interface TransitionContext {
  /** The current headcount of the permit's space. */
  peopleInside: number
  /** Who they are, so a refusal can name them. */
  namesInside?: readonly string[]
  closeOutNotes?: string
  reason?: string
  /** Epoch ms, from the service's clock. */
  now: number
  validTo: number
  /** Alarms that suspended the permit and wait for a supervisor's resolution (latched). */
  latchedAlarms?: number
}

/** Why a transition is refused: each rule not met, as a code and a sentence (the contract's UnmetCondition). */
export interface TransitionProblem {
  code: string
  message: string
}

export type TransitionResult =
  { ok: true; next: PermitState } | { ok: false; reason: string; problems: TransitionProblem[] }

const terminalStates: readonly PermitState[] = ['closed', 'cancelled']
const nonTerminalStates = permitStates.filter((state) => !terminalStates.includes(state))

type Guard = (context: TransitionContext) => TransitionProblem | null

/** "Ana Silva is still inside", "Ana Silva and Ben Carter are...", or the count when names are not known. */
function peopleStillInside(count: number, names: readonly string[] = []): string {
  if (names.length === count && count > 0) {
    const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
    return `${listed ?? ''} ${count === 1 ? 'is' : 'are'} still inside`
  }
  return count === 1 ? '1 person is still inside' : `${String(count)} people are still inside`
}

// Anything but exactly zero counts as "someone inside": a corrupt count must not let a permit close.
const everyoneOut =
  (doing: string): Guard =>
  ({ peopleInside, namesInside }) =>
    peopleInside === 0
      ? null
      : {
          code: 'everyone_out',
          message: `A permit can only be ${doing} when everyone is out: ${peopleStillInside(peopleInside, namesInside)}.`,
        }

const stillValid =
  (doing: string): Guard =>
  ({ now, validTo }) =>
    now < validTo
      ? null
      : {
          code: 'still_valid',
          message: `The permit's validity has ended, so it can no longer be ${doing}; let it expire, then close it.`,
        }

const hasText = (value: string | undefined): boolean => value !== undefined && value.trim() !== ''

interface Rule {
  from: readonly PermitState[]
  to: PermitState
  /** Every guard is checked and every failure reported, so one refusal tells the whole story. */
  guards: readonly Guard[]
}

const rules: Record<PermitAction, Rule> = {
  submit: { from: ['draft'], to: 'pending_authorization', guards: [] },
  // The authorizer asks for changes; the permit goes back to its author.
  return_to_draft: { from: ['pending_authorization'], to: 'draft', guards: [] },
  // 1910.146(f)(6): the entry supervisor's signature, which the service checks before calling this.
  authorize: { from: ['pending_authorization'], to: 'authorized', guards: [stillValid('authorized')] },
  // Happens on the first accepted entry; the entry interlock has already checked the window.
  activate: { from: ['authorized'], to: 'active', guards: [stillValid('activated')] },
  // A suspension makes things safer (it stops new entries), so no paperwork may block it.
  suspend: { from: ['authorized', 'active'], to: 'suspended', guards: [] },
  // 1926.1205(e)(2): the space is fully reassessed before re-entry after a suspension. Resuming goes back to
  // authorized with everyone out, so the next entry passes the whole interlock (fresh test
  // included) and makes the permit active again.
  resume: {
    from: ['suspended'],
    to: 'authorized',
    guards: [
      everyoneOut('resumed'),
      stillValid('resumed'),
      // ISA-18.2: an alarm that suspended the permit is latched until a person resolves it.
      ({ latchedAlarms = 0 }) =>
        latchedAlarms === 0
          ? null
          : {
              code: 'latched_alarms_resolved',
              message: `${latchedAlarms === 1 ? 'A gas alarm' : `${String(latchedAlarms)} gas alarms`} that suspended the permit must be resolved by a site supervisor first.`,
            },
    ],
  },
  close: {
    from: ['authorized', 'active', 'suspended', 'expired'],
    to: 'closed',
    guards: [
      everyoneOut('closed'),
      ({ closeOutNotes }) =>
        hasText(closeOutNotes)
          ? null
          : {
              code: 'close_out_notes',
              message: 'Close-out notes are required: record how the work ended and any problems met.',
            },
    ],
  },
  cancel: {
    from: nonTerminalStates,
    to: 'cancelled',
    guards: [
      everyoneOut('cancelled'),
      ({ reason }) =>
        hasText(reason) ? null : { code: 'cancel_reason', message: 'A reason is required to cancel a permit.' },
    ],
  },
  expire: {
    from: ['authorized', 'active', 'suspended'],
    to: 'expired',
    guards: [
      ({ now, validTo }) =>
        now >= validTo
          ? null
          : {
              code: 'validity_ended',
              message: 'The permit is still within its validity; it expires only when its end time is reached.',
            },
    ],
  },
}

export function isTerminal(state: PermitState): boolean {
  return terminalStates.includes(state)
}

/**
 * Permits under which someone may be inside: they admit people, or did and may still hold some.
 * Evacuations reach them, occupancy and stale feeds are judged on them.
 */
export const mayHoldPeopleStates = [
  'authorized',
  'active',
  'suspended',
  'expired',
] as const satisfies readonly PermitState[]

export const mayHoldPeople = (state: PermitState): boolean => (mayHoldPeopleStates as readonly string[]).includes(state)

/** Entry needs a signed, current permit (1910.146(e)(3)); a suspended or expired one admits nobody. */
export function acceptsEntries(state: PermitState): boolean {
  return state === 'authorized' || state === 'active'
}

/** The actions this state allows in principle; their guards may still refuse them. */
export function allowedActions(state: PermitState): PermitAction[] {
  return permitActions.filter((action) => rules[action].from.includes(state))
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`
}

function wrongState(state: PermitState, action: PermitAction): string {
  const label = permitStateLabels[state].toLowerCase()
  if (isTerminal(state)) return `A ${label} permit is final: it cannot be ${actionDone[action]}.`
  const possible = allowedActions(state).map((other) => actionDone[other])
  return `A permit that is ${label} cannot be ${actionDone[action]}; it can be ${joinOr(possible)}.`
}

export function transition(state: PermitState, action: PermitAction, context: TransitionContext): TransitionResult {
  const rule = rules[action]
  if (!rule.from.includes(state)) {
    const reason = wrongState(state, action)
    return { ok: false, reason, problems: [{ code: 'permit_state', message: reason }] }
  }
  const problems = rule.guards.map((guard) => guard(context)).filter((problem) => problem !== null)
  if (problems.length > 0) return { ok: false, reason: problems.map((p) => p.message).join(' '), problems }
  return { ok: true, next: rule.to }
}

/** Whether the clock has run out on a permit that must now become expired. */
export function expiryDue(state: PermitState, validTo: number, now: number): boolean {
  return rules.expire.from.includes(state) && now >= validTo
}
