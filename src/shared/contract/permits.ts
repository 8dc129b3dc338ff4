import { z } from 'zod'
import { atmosphereLevels, gasReadingSchema } from './atmosphere'
import { acceptableConditionsSchema } from '../domain/limit-profiles'
import { permitActionSchema, permitStateSchema } from '../domain/permit-lifecycle'
import { command, query } from './define'
import { epochMs, pageInput, pageOf } from './common'
import { userIdSchema } from './identity'
import { cardAlarmSchema, liveValuesSchema } from './live-values'
import { siteIdSchema } from './sites'
import { spaceIdSchema } from './spaces'

export const permitIdSchema = z.number().int().positive()

/** 1910.146(f)(3): validity no longer than the task; we also cap it at one day. */
export const maxPermitDurationMs = 24 * 60 * 60_000

/** Someone named on a permit: an account, or a person without one (a contractor). */
export const personRefSchema = z.union([
  z.strictObject({ userId: userIdSchema }),
  z.strictObject({
    name: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  }),
])
export type PersonRef = z.infer<typeof personRefSchema>

export const personSchema = z.object({ key: z.string(), name: z.string(), userId: userIdSchema.nullable() })
export type PersonDto = z.infer<typeof personSchema>

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`)
const required = (max: number) => text(max).min(1, 'is required')
const list = (max: number) => z.array(required(200)).max(max, `must have at most ${max} items`)

/** Every field of 1910.146(f)(1)-(15) that a supervisor fills in. */
export const permitFieldsSchema = z
  .strictObject({
    spaceId: spaceIdSchema,
    purpose: required(1000),
    validFrom: epochMs,
    validTo: epochMs,
    entrySupervisorId: userIdSchema,
    entrants: z.array(personRefSchema).min(1, 'must name at least one entrant').max(50, 'must have at most 50 people'),
    hazards: list(50).min(1, 'must name at least one hazard'),
    isolationMeasures: z.array(z.strictObject({ measure: required(200), done: z.boolean() })).max(50),
    /** Omitted: the site's limit profile defaults. Given: each value at least as strict. */
    conditions: acceptableConditionsSchema.optional(),
    rescueService: required(300),
    rescueContact: required(200),
    communicationMethod: required(300),
    equipment: list(50),
    otherSafetyInfo: text(2000).default(''),
    relatedPermits: list(20).default([]),
  })
  .refine((p) => p.validTo > p.validFrom, { message: 'must be after the start of validity', path: ['validTo'] })
  .refine((p) => p.validTo - p.validFrom <= maxPermitDurationMs, {
    message: 'must be at most 24 hours after the start; issue a new permit for longer work',
    path: ['validTo'],
  })
export type PermitFields = z.infer<typeof permitFieldsSchema>

export const attendantSchema = z.object({
  id: z.number().int().positive(),
  userId: userIdSchema,
  fullName: z.string(),
  role: z.literal('Attendant'),
  shiftName: z.string(),
  shiftStart: epochMs,
  shiftEnd: epochMs,
  status: z.enum(['assigned', 'on_duty', 'relieved']),
})
export type AttendantDto = z.infer<typeof attendantSchema>

/** What a board card shows. */
export const permitCardSchema = z.object({
  id: permitIdSchema,
  number: z.string(),
  siteId: siteIdSchema,
  siteName: z.string(),
  spaceId: spaceIdSchema,
  spaceTag: z.string(),
  spaceName: z.string(),
  location: z.string(),
  state: permitStateSchema,
  purpose: z.string(),
  validFrom: epochMs,
  validTo: epochMs,
  entrySupervisor: z.string(),
  inside: z.array(personSchema.extend({ since: epochMs })),
  attendantOnDuty: z.string().nullable(),
  atmosphere: z.object({
    level: z.enum(atmosphereLevels),
    takenAt: epochMs.nullable(),
    reasons: z.array(z.string()),
  }),
  /** Conditions that need someone's attention now, worded for the control room. */
  alarms: z.array(z.string()),
  /** Gas and stale-data alarms of this permit that are not resolved yet, worst first. */
  gasAlarms: z.array(cardAlarmSchema),
  /** The latest value of each gas from each instrument on this permit. */
  liveValues: z.array(liveValuesSchema),
  evacuation: z
    .object({
      evacuationId: z.number().int(),
      orderedAt: epochMs,
      reason: z.string(),
      stillInside: z.array(z.string()),
    })
    .nullable(),
  version: z.number().int(),
})
export type PermitCardDto = z.infer<typeof permitCardSchema>

export const timelineEntrySchema = z.object({
  at: epochMs,
  actorName: z.string(),
  kind: z.string(),
  fromState: permitStateSchema.nullable(),
  toState: permitStateSchema.nullable(),
  note: z.string(),
})

export const entryPairSchema = z.object({
  personKey: z.string(),
  personName: z.string(),
  entryTime: epochMs,
  exitTime: epochMs.nullable(),
  /** The exit record, so a mistaken exit can be corrected by its id. */
  exitId: z.number().int().positive().nullable(),
  remarks: z.string(),
})
export type EntryPairDto = z.infer<typeof entryPairSchema>

export const permitDetailSchema = z.object({
  card: permitCardSchema,
  fields: z.object({
    purpose: z.string(),
    hazards: z.array(z.string()),
    isolationMeasures: z.array(z.object({ measure: z.string(), done: z.boolean() })),
    limitProfile: z.string(),
    conditions: acceptableConditionsSchema,
    rescueService: z.string(),
    rescueContact: z.string(),
    communicationMethod: z.string(),
    equipment: z.array(z.string()),
    otherSafetyInfo: z.string(),
    relatedPermits: z.array(z.string()),
    closeOutNotes: z.string().nullable(),
  }),
  entrySupervisorId: userIdSchema,
  /** `deactivated`: the entrant's account is deactivated, so their entries are refused. */
  entrants: z.array(personSchema.extend({ deactivated: z.boolean() })),
  attendants: z.array(attendantSchema),
  authorization: z
    .object({ byName: z.string(), byUsername: z.string(), at: epochMs, statement: z.string() })
    .nullable(),
  tests: z.array(gasReadingSchema),
  entries: z.array(entryPairSchema),
  timeline: z.array(timelineEntrySchema),
  allowedActions: z.array(permitActionSchema),
  maxTestAgeMinutes: z.number().int(),
})
export type PermitDetailDto = z.infer<typeof permitDetailSchema>

/** The shape the original templates promised for the permit register. */
export const permitRegisterRowSchema = z.object({
  id: permitIdSchema,
  spaceName: z.string(),
  permitNumber: z.string(),
  status: permitStateSchema,
  location: z.string(),
  issuedBy: z.string(),
  validFrom: epochMs,
  validTo: epochMs,
})

const manualActions = z.enum(['submit', 'return_to_draft', 'suspend', 'resume', 'close', 'cancel'])

export const permitProcedures = {
  'permits.board': query({
    description: 'The live board: every permit that is not closed or cancelled, as cards.',
    input: z.strictObject({
      siteId: siteIdSchema.optional(),
      states: z.array(permitStateSchema).max(8).optional(),
    }),
    output: z.object({
      cards: z.array(permitCardSchema),
      /** Everyone inside a space of the site asked for (every site when none), whatever the state filter shows. */
      peopleInside: z.number().int().nonnegative(),
      now: epochMs,
    }),
  }),
  'permits.register': query({
    description: 'Every permit, newest first, paged, in the register shape.',
    input: z.strictObject({ ...pageInput, siteId: siteIdSchema.optional() }),
    output: pageOf(permitRegisterRowSchema),
  }),
  'permits.get': query({
    description: 'One permit: every field, its people, tests, entries and timeline.',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: permitDetailSchema,
  }),
  'permits.create': command({
    description: 'Prepares a draft permit, numbered per site and year.',
    input: permitFieldsSchema,
    output: permitDetailSchema,
  }),
  'permits.update': command({
    description: 'Edits a draft permit. `version` must be the one read, so no change is silently overwritten.',
    input: z.strictObject({
      permitId: permitIdSchema,
      version: z.number().int().positive(),
      fields: permitFieldsSchema,
    }),
    output: permitDetailSchema,
  }),
  'permits.transition': command({
    description: 'Moves a permit through its lifecycle: submit, return to draft, suspend, resume, close, cancel.',
    input: z.strictObject({
      permitId: permitIdSchema,
      action: manualActions,
      reason: text(1000).optional(),
      closeOutNotes: text(4000).optional(),
    }),
    output: permitDetailSchema,
  }),
  'permits.authorize': command({
    description: 'The entry supervisor signs to authorize entry by entering their password again.',
    input: z.strictObject({
      permitId: permitIdSchema,
      password: z.string().min(1, 'is required').max(256),
      /** Isolation and control measures not yet ticked that the signer confirms are in place. */
      confirmedMeasures: z.array(z.string().max(500)).max(100).default([]),
    }),
    output: permitDetailSchema,
  }),
  'permits.savePdf': query({
    description:
      'Desktop only: saves the permit as a PDF from the print view the window shows. Browser mode prints instead.',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: z.object({ file: z.string().nullable() }),
  }),
  'permits.transferSupervisor': command({
    description: 'Hands the permit to a new entry supervisor, who confirms the conditions.',
    input: z.strictObject({
      permitId: permitIdSchema,
      newSupervisorId: userIdSchema,
      conditionsConfirmed: z.literal(true, { error: 'must be confirmed by the new entry supervisor' }),
      note: text(1000).default(''),
    }),
    output: permitDetailSchema,
  }),
}
