import { maxPermitDurationMs, permitFieldsSchema } from '../../../../shared/contract/permits'
import type { PermitDetailDto } from '../../../../shared/contract/permits'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import type { SpaceDto } from '../../../../shared/contract/spaces'
import type { AcceptableConditions, ConditionField } from '../../../../shared/domain/limit-profiles'
import type { LocalIssue } from '../../errors/problem'
import { fromLocalInput, toLocalInput } from '../../format/local-datetime'

export type SpaceChoice = Pick<SpaceDto, 'id' | 'tag' | 'name' | 'siteId'>

/** An entrant named by account (userId) or, for someone without one, by name alone. */
export interface EntrantChoice {
  userId: number | null
  name: string
}

export interface MeasureRow {
  measure: string
  done: boolean
}

export type ConditionTexts = Record<ConditionField, string>

export const conditionFields: readonly ConditionField[] = ['o2Min', 'o2Max', 'lelMax', 'h2sMax', 'coMax']

/** The permit form as typed: text where people type, choices where they choose. */
export interface PermitDraft {
  space: SpaceChoice | null
  purpose: string
  validFrom: string
  validTo: string
  entrySupervisorId: number | null
  /** Shown when the supervisor cannot be chosen from a list. */
  entrySupervisorName: string
  entrants: EntrantChoice[]
  hazards: string[]
  isolationMeasures: MeasureRow[]
  conditions: ConditionTexts
  rescueService: string
  rescueContact: string
  communicationMethod: string
  equipment: string[]
  otherSafetyInfo: string
  relatedPermits: string[]
}

export type PermitFieldsInput = ProcedureInput<'permits.create'>

/** A default shift: permits are written for the task, at most a day (1910.146(f)(3)). */
const defaultDurationMs = 8 * 60 * 60_000

export const blankConditions: ConditionTexts = { o2Min: '', o2Max: '', lelMax: '', h2sMax: '', coMax: '' }

export const conditionTexts = (conditions: AcceptableConditions): ConditionTexts => ({
  o2Min: String(conditions.o2Min),
  o2Max: String(conditions.o2Max),
  lelMax: String(conditions.lelMax),
  h2sMax: String(conditions.h2sMax),
  coMax: String(conditions.coMax),
})

export function newDraft(now: number, supervisor: { id: number; displayName: string }): PermitDraft {
  // Down to the minute a datetime-local input shows, so a permit written now is valid now.
  const start = Math.floor(now / 60_000) * 60_000
  return {
    space: null,
    purpose: '',
    validFrom: toLocalInput(start),
    validTo: toLocalInput(start + defaultDurationMs),
    entrySupervisorId: supervisor.id,
    entrySupervisorName: supervisor.displayName,
    entrants: [],
    hazards: [],
    isolationMeasures: [],
    conditions: blankConditions,
    rescueService: '',
    rescueContact: '',
    communicationMethod: '',
    equipment: [],
    otherSafetyInfo: '',
    relatedPermits: [],
  }
}

export function draftFromDetail({ card, fields, entrants, entrySupervisorId }: PermitDetailDto): PermitDraft {
  return {
    space: { id: card.spaceId, tag: card.spaceTag, name: card.spaceName, siteId: card.siteId },
    purpose: fields.purpose,
    validFrom: toLocalInput(card.validFrom),
    validTo: toLocalInput(card.validTo),
    entrySupervisorId,
    entrySupervisorName: card.entrySupervisor,
    entrants: entrants.map(({ userId, name }) => ({ userId, name })),
    hazards: fields.hazards,
    isolationMeasures: fields.isolationMeasures,
    conditions: conditionTexts(fields.conditions),
    rescueService: fields.rescueService,
    rescueContact: fields.rescueContact,
    communicationMethod: fields.communicationMethod,
    equipment: fields.equipment,
    otherSafetyInfo: fields.otherSafetyInfo,
    relatedPermits: fields.relatedPermits,
  }
}

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)$/

/** Typed conditions as numbers; blank everywhere means "the site's profile", decided by the server. */
export function parseConditions(texts: ConditionTexts): { conditions?: AcceptableConditions; issues: LocalIssue[] } {
  if (conditionFields.every((field) => texts[field].trim() === '')) return { issues: [] }
  const issues: LocalIssue[] = []
  const read = (field: ConditionField): number => {
    const text = texts[field].trim()
    if (!plainNumber.test(text)) issues.push({ path: `conditions.${field}`, message: 'must be a number' })
    return Number(text)
  }
  const conditions = {
    o2Min: read('o2Min'),
    o2Max: read('o2Max'),
    lelMax: read('lelMax'),
    h2sMax: read('h2sMax'),
    coMax: read('coMax'),
  }
  return issues.length > 0 ? { issues } : { conditions, issues }
}

/** The issues of the window's own reading of the draft: what cannot even be sent. */
function readingIssues(draft: PermitDraft, validFrom: number | null, validTo: number | null): LocalIssue[] {
  const issues: LocalIssue[] = [
    ...(draft.space === null ? [{ path: 'spaceId', message: 'is required: choose the space' }] : []),
    ...(validFrom === null ? [{ path: 'validFrom', message: 'must be a date and time' }] : []),
    ...(validTo === null ? [{ path: 'validTo', message: 'must be a date and time' }] : []),
    ...(draft.entrySupervisorId === null ? [{ path: 'entrySupervisorId', message: 'is required' }] : []),
  ]
  // The schema checks the span only once every field is valid; a form shows it with the rest.
  if (validFrom !== null && validTo !== null && validTo <= validFrom)
    issues.push({ path: 'validTo', message: 'must be after the start of validity' })
  else if (validFrom !== null && validTo !== null && validTo - validFrom > maxPermitDurationMs)
    issues.push({
      path: 'validTo',
      message: 'must be at most 24 hours after the start; issue a new permit for longer work',
    })
  return issues
}

/**
 * The draft as permits.create takes it, or every issue to fix before asking, all at once: the
 * window's own reading of the draft, then the contract's own rules (the server applies the same
 * schema, and more rules of its own that only it can check).
 */
export function draftToFields(draft: PermitDraft): { fields: PermitFieldsInput } | { issues: LocalIssue[] } {
  const validFrom = fromLocalInput(draft.validFrom)
  const validTo = fromLocalInput(draft.validTo)
  const { conditions, issues: conditionIssues } = parseConditions(draft.conditions)
  const fields = {
    spaceId: draft.space?.id ?? 0,
    purpose: draft.purpose,
    validFrom: validFrom ?? 0,
    validTo: validTo ?? 0,
    entrySupervisorId: draft.entrySupervisorId ?? 0,
    entrants: draft.entrants.map((entrant) =>
      entrant.userId === null ? { name: entrant.name } : { userId: entrant.userId },
    ),
    hazards: draft.hazards,
    isolationMeasures: draft.isolationMeasures,
    ...(conditions ? { conditions } : {}),
    rescueService: draft.rescueService,
    rescueContact: draft.rescueContact,
    communicationMethod: draft.communicationMethod,
    equipment: draft.equipment,
    otherSafetyInfo: draft.otherSafetyInfo,
    relatedPermits: draft.relatedPermits,
  }
  const own = [...readingIssues(draft, validFrom, validTo), ...conditionIssues]
  const checked = permitFieldsSchema.safeParse(fields)
  const contract = (checked.success ? [] : checked.error.issues)
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    // Where the window already said what is wrong (no space chosen), its words stand.
    .filter((issue) => !own.some((mine) => mine.path === issue.path))
  const issues = [...own, ...contract]
  return issues.length > 0 ? { issues } : { fields }
}
