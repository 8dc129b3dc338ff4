import type { GrantDto, RequestDto, ResourceDto } from '../../../../shared/contract/access'
import { fromLocalInput, toLocalInput } from '../../format/local-datetime'
import { precheck } from '../../errors/contract-check'
import type { LocalIssue, Problem } from '../../errors/problem'

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
 * What the form can tell before asking the server, every issue at once, worded as the server
 * words it; the rest (a start in the past, a duplicate) the server says under its field.
 */
export function checkDraft(
  draft: RequestDraft,
  resource: ResourceDto | undefined,
): { ok: true; value: CheckedDraft } | { ok: false; problem: Problem } {
  const own: LocalIssue[] = []
  if (draft.resourceId === null || !resource)
    own.push({ path: 'resourceId', message: 'is required: choose what you need access to' })
  if (draft.level === '') own.push({ path: 'level', message: 'is required: choose a level' })
  const text = draft.durationHours.trim()
  const durationHours = /^\d+$/.test(text) ? Number(text) : null
  if (durationHours === null || durationHours < 1)
    own.push({ path: 'durationHours', message: 'must be a whole number of hours, at least 1' })
  else if (resource && durationHours > resource.maxDurationHours)
    own.push({
      path: 'durationHours',
      message: `must be at most ${String(resource.maxDurationHours)} hours for ${resource.key}`,
    })
  const startsAt = draft.startsAt.trim() === '' ? undefined : fromLocalInput(draft.startsAt)
  if (startsAt === null) own.push({ path: 'startsAt', message: 'must be a complete date and time, or empty for now' })
  const value = {
    resourceId: resource?.id ?? 0,
    level: draft.level,
    justification: draft.justification,
    durationHours: durationHours ?? 0,
    permitId: draft.permitId,
    onBehalfOf: draft.onBehalfOf?.id ?? null,
  }
  const problem = precheck(
    'access.fileRequest',
    {
      resourceId: value.resourceId,
      level: value.level,
      justification: value.justification,
      durationHours: value.durationHours,
      ...(startsAt === undefined || startsAt === null ? {} : { startsAt }),
      ...(value.permitId === null ? {} : { permitId: value.permitId }),
      ...(value.onBehalfOf === null ? {} : { onBehalfOf: value.onBehalfOf }),
    },
    own,
  )
  return problem ? { ok: false, problem } : { ok: true, value: { ...value, startsAt: startsAt ?? undefined } }
}
