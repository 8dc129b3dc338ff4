import type { GrantDto, RequestDto, ResourceDto } from '../../../../shared/contract/access'
import { fromLocalInput, toLocalInput } from '../../format/local-datetime'
import { fieldProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

const hourMs = 3_600_000
const minuteMs = 60_000

/** The request form as typed: times and hours stay text until sent, so a half-typed value is not lost. */
export interface RequestDraft {
  resourceId: number | null
  level: string
  justification: string
  /** datetime-local text; empty means from the moment it is approved. */
  startsAt: string
  durationHours: string
  permitId: number | null
  /** Someone else the request is for (an administrator files on their behalf); null: oneself. */
  onBehalfOf: { id: number; name: string } | null
}

export const emptyDraft: RequestDraft = {
  resourceId: null,
  level: '',
  justification: '',
  startsAt: '',
  durationHours: '8',
  permitId: null,
  onBehalfOf: null,
}

/** A new choice of resource: its first level, and its template for a justification not yet written. */
export function withResource(
  draft: RequestDraft,
  resource: ResourceDto | undefined,
  previous: ResourceDto | undefined,
) {
  const untouched = draft.justification.trim() === '' || draft.justification === (previous?.justificationTemplate ?? '')
  return {
    ...draft,
    resourceId: resource?.id ?? null,
    level: resource?.levels.includes(draft.level) ? draft.level : (resource?.levels[0] ?? ''),
    justification: untouched ? (resource?.justificationTemplate ?? '') : draft.justification,
    permitId: resource?.kind === 'space' ? draft.permitId : null,
  }
}

/**
 * "Extend": the same resource, level and justification, starting when the grant ends (to the
 * minute after, as the form shows minutes) for as long as it ran, within the resource's maximum.
 */
export function draftFromGrant(grant: GrantDto, resource: ResourceDto | undefined, now: number): RequestDraft {
  const ran = Math.max(1, Math.round((grant.validTo - grant.validFrom) / hourMs))
  const hours = Math.min(ran, resource?.maxDurationHours ?? ran)
  const stillRunning = grant.endedAt === null && grant.validTo > now
  return {
    resourceId: grant.resource.id,
    level: grant.level,
    justification: grant.justification,
    startsAt: stillRunning ? toLocalInput(Math.ceil(grant.validTo / minuteMs) * minuteMs) : '',
    durationHours: String(hours),
    permitId: null,
    onBehalfOf: null,
  }
}

export const draftFromRequest = (request: RequestDto): RequestDraft => ({
  resourceId: request.resource.id,
  level: request.level,
  justification: request.justification,
  startsAt: toLocalInput(request.startsAt),
  durationHours: String(request.durationHours),
  permitId: request.permit?.id ?? null,
  onBehalfOf: null,
})

export interface CheckedDraft {
  resourceId: number
  level: string
  justification: string
  /** Undefined: from the moment it is approved. */
  startsAt: number | undefined
  durationHours: number
  permitId: number | null
  onBehalfOf: number | null
}

/**
 * What the form can tell before asking the server, worded as the server words it; the rest
 * (a justification, a start in the past, a duplicate) the server says under its field.
 */
export function checkDraft(
  draft: RequestDraft,
  resource: ResourceDto | undefined,
): { ok: true; value: CheckedDraft } | { ok: false; problem: Problem } {
  if (draft.resourceId === null || !resource)
    return { ok: false, problem: fieldProblem('resourceId', 'is required: choose what you need access to') }
  if (draft.level === '') return { ok: false, problem: fieldProblem('level', 'is required: choose a level') }
  const text = draft.durationHours.trim()
  if (!/^\d+$/.test(text) || Number(text) < 1)
    return { ok: false, problem: fieldProblem('durationHours', 'must be a whole number of hours, at least 1') }
  const durationHours = Number(text)
  if (durationHours > resource.maxDurationHours)
    return {
      ok: false,
      problem: fieldProblem(
        'durationHours',
        `must be at most ${String(resource.maxDurationHours)} hours for ${resource.key}`,
      ),
    }
  const startsAt = draft.startsAt.trim() === '' ? undefined : fromLocalInput(draft.startsAt)
  if (startsAt === null)
    return { ok: false, problem: fieldProblem('startsAt', 'must be a complete date and time, or empty for now') }
  return {
    ok: true,
    value: {
      resourceId: resource.id,
      level: draft.level,
      justification: draft.justification,
      startsAt,
      durationHours,
      permitId: draft.permitId,
      onBehalfOf: draft.onBehalfOf?.id ?? null,
    },
  }
}
