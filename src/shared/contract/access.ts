import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { userIdSchema } from './identity'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'
import { spaceIdSchema } from './spaces'

/** IT resources are systems, applications and groups; every confined space is a resource too. */
export const resourceKinds = ['system', 'application', 'group', 'space'] as const
export const itResourceKinds = ['system', 'application', 'group'] as const
export const riskTiers = ['standard', 'high'] as const
/** The levels of a space resource: who may enter it, watch it, or supervise entry. */
export const spaceLevels = ['entrant', 'attendant', 'supervisor'] as const
export const requestStatuses = ['pending', 'approved', 'denied', 'withdrawn', 'expired'] as const
export const decisions = ['approve', 'deny'] as const
/** Why a grant stopped counting. */
export const grantEndReasons = ['expired', 'revoked', 'permit_closed', 'resource_retired'] as const
export const reviewActions = ['keep', 'shorten', 'revoke'] as const

export const resourceIdSchema = z.number().int().positive()
export const requestIdSchema = z.number().int().positive()
export const grantIdSchema = z.number().int().positive()
export const reviewIdSchema = z.number().int().positive()

const hour = 3_600_000
/** The longest any grant may run; a resource sets its own maximum below it. */
export const maxGrantHours = 24 * 366

const personSchema = z.object({ id: userIdSchema, name: z.string() })

export const resourceSchema = z.object({
  id: resourceIdSchema,
  /** `space:<tag>` for a space; the catalogue key (for example `app:sap-finance`) otherwise. */
  key: z.string(),
  name: z.string(),
  kind: z.enum(resourceKinds),
  description: z.string(),
  levels: z.array(z.string()),
  riskTier: z.enum(riskTiers),
  /** High-risk resources need this many distinct approvers; standard ones one. */
  approvalsNeeded: z.number().int().positive(),
  maxDurationHours: z.number().int().positive(),
  justificationTemplate: z.string().nullable(),
  /** Owners are told to review its grants this many days after the last review. */
  reviewEveryDays: z.number().int().positive(),
  owners: z.array(personSchema),
  approvers: z.array(personSchema),
  /** For a space: its site's supervisors approve and own it, whoever they are at the time. */
  approverRole: z.string().nullable(),
  spaceId: spaceIdSchema.nullable(),
  siteId: siteIdSchema.nullable(),
  retiredAt: epochMs.nullable(),
})
export type ResourceDto = z.infer<typeof resourceSchema>

export const approvalSchema = z.object({
  approver: personSchema,
  decision: z.enum(decisions),
  comment: z.string(),
  grantedUntil: epochMs.nullable(),
  at: epochMs,
})
export type ApprovalDto = z.infer<typeof approvalSchema>

export const requestSchema = z.object({
  id: requestIdSchema,
  requester: personSchema,
  /** Who filed it, when on behalf of the requester (their manager or an administrator); null when they filed it. */
  filedBy: personSchema.nullable(),
  resource: z.object({ id: resourceIdSchema, key: z.string(), name: z.string(), riskTier: z.enum(riskTiers) }),
  level: z.string(),
  status: z.enum(requestStatuses),
  /** Why it ended as it did: the denial reason, the withdrawal note, why it expired. */
  statusReason: z.string().nullable(),
  justification: z.string(),
  startsAt: epochMs,
  durationHours: z.number().int().positive(),
  permit: z
    .object({ id: permitIdSchema, number: z.string(), state: z.string(), validFrom: epochMs, validTo: epochMs })
    .nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** A pending request expires by itself at this time. */
  expiresAt: epochMs,
  decidedAt: epochMs.nullable(),
  approvals: z.array(approvalSchema),
  approvalsNeeded: z.number().int().positive(),
  grantId: grantIdSchema.nullable(),
})
export type RequestDto = z.infer<typeof requestSchema>

export const grantSchema = z.object({
  id: grantIdSchema,
  holder: personSchema,
  resource: z.object({ id: resourceIdSchema, key: z.string(), name: z.string() }),
  level: z.string(),
  validFrom: epochMs,
  validTo: epochMs,
  requestId: requestIdSchema.nullable(),
  permitId: permitIdSchema.nullable(),
  /** Whether it counts now: started, not yet at its end, not ended early. */
  active: z.boolean(),
  endedAt: epochMs.nullable(),
  endReason: z.enum(grantEndReasons).nullable(),
  endNote: z.string().nullable(),
  endedBy: z.string().nullable(),
  justification: z.string(),
  lastUsedAt: epochMs.nullable(),
})
export type GrantDto = z.infer<typeof grantSchema>

/** One request in an approver's queue, with what the approver needs to decide it. */
export const queueItemSchema = requestSchema.extend({
  ageMs: z.number().int().nonnegative(),
  /** The linked permit is active, or starts within the next 24 hours: someone is waiting at the space. */
  blocksPermit: z.boolean(),
  /** The requester's grants on this resource, current first, then past. */
  requesterGrants: z.array(grantSchema),
})
export type QueueItemDto = z.infer<typeof queueItemSchema>

export const reviewSchema = z.object({
  id: reviewIdSchema,
  resource: z.object({ id: resourceIdSchema, key: z.string(), name: z.string() }),
  startedBy: personSchema,
  startedAt: epochMs,
  closedAt: epochMs.nullable(),
  decisions: z.array(
    z.object({
      grantId: grantIdSchema,
      holder: z.string(),
      action: z.enum(reviewActions),
      validTo: epochMs.nullable(),
      note: z.string(),
      decidedBy: z.string(),
      at: epochMs,
    }),
  ),
  /** Active grants on the resource still to be decided in this review. */
  undecided: z.array(grantSchema),
})
export type ReviewDto = z.infer<typeof reviewSchema>

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`)
const required = (max: number) => text(max).min(1, 'is required')
const limit = z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50)
const durationHours = z
  .number()
  .int('must be whole hours')
  .min(1, 'must be at least 1 hour')
  .max(maxGrantHours, `must be at most ${maxGrantHours} hours`)
/** Counting stops at this many rows, so no list scans without bound; beyond it the total says "1,000+". */
export const countCap = 1000
const pageOfItems = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** How many match, up to countCap. */
    total: z.number().int().nonnegative(),
    /** More than countCap match: total is a lower bound. */
    totalCapped: z.boolean(),
    hasMore: z.boolean(),
  })

export const accessProcedures = {
  'access.resources': query({
    description:
      'The catalogue: every IT resource and every confined space (`space:<tag>`) that access can be requested for, with levels, risk tier, maximum duration, owners and approvers.',
    input: z.strictObject({ search: text(100).default(''), includeRetired: z.boolean().default(false) }),
    output: z.array(resourceSchema),
  }),
  'access.saveResource': command({
    description:
      'Adds an IT resource to the catalogue, or changes one when an id is given. Spaces are resources by themselves and are not edited here.',
    input: z.strictObject({
      id: resourceIdSchema.optional(),
      key: z
        .string()
        .trim()
        .toLowerCase()
        .min(3, 'must be at least 3 characters')
        .max(60, 'must be at most 60 characters')
        .regex(/^[a-z0-9][a-z0-9:._-]*$/, 'may use only letters, digits and : . _ -')
        .refine((key) => !key.startsWith('space:'), 'must not start with space: (spaces are resources by themselves)'),
      name: required(100),
      kind: z.enum(itResourceKinds),
      description: text(1000).default(''),
      levels: z
        .array(required(40))
        .min(1, 'must have at least one level')
        .max(10, 'must have at most 10 levels')
        .refine((levels) => new Set(levels).size === levels.length, 'must not repeat a level'),
      riskTier: z.enum(riskTiers),
      maxDurationHours: durationHours,
      justificationTemplate: text(1000).nullable().default(null),
      reviewEveryDays: z
        .number()
        .int()
        .min(7, 'must be at least 7 days')
        .max(366, 'must be at most 366 days')
        .default(90),
      ownerIds: z.array(userIdSchema).min(1, 'must name at least one owner').max(20, 'must have at most 20 owners'),
      approverIds: z
        .array(userIdSchema)
        .min(1, 'must name at least one approver')
        .max(50, 'must have at most 50 approvers'),
    }),
    output: resourceSchema,
  }),
  'access.retireResource': command({
    description:
      'Retires an IT resource: no new requests; pending requests expire and active grants end, with the reason.',
    input: z.strictObject({ resourceId: resourceIdSchema, reason: required(500) }),
    output: resourceSchema,
  }),
  'access.fileRequest': command({
    description:
      'Asks for a resource at a level, for a duration, with a justification; for oneself, or on behalf of someone (their manager or an administrator). A pending request or an active grant for the same person, resource and level blocks a new one.',
    input: z.strictObject({
      resourceId: resourceIdSchema,
      level: required(40),
      justification: required(2000),
      /** Default: now. */
      startsAt: epochMs.optional(),
      durationHours,
      permitId: permitIdSchema.optional(),
      onBehalfOf: userIdSchema.optional(),
    }),
    output: requestSchema,
  }),
  'access.editRequest': command({
    description: 'Changes one’s own pending request: justification, start, duration or permit.',
    input: z.strictObject({
      requestId: requestIdSchema,
      justification: required(2000).optional(),
      startsAt: epochMs.optional(),
      durationHours: durationHours.optional(),
      permitId: permitIdSchema.nullable().optional(),
    }),
    output: requestSchema,
  }),
  'access.withdrawRequest': command({
    description: 'Withdraws one’s own pending request.',
    input: z.strictObject({ requestId: requestIdSchema, note: text(500).default('') }),
    output: requestSchema,
  }),
  'access.requests': query({
    description:
      'Requests the caller may read, newest first: their own (mine), those they may decide (decidable), or every one (all: auditors and administrators). Filter by status, resource, person and free text.',
    input: z.strictObject({
      scope: z.enum(['mine', 'decidable', 'all']).default('mine'),
      status: z.enum(requestStatuses).optional(),
      resourceId: resourceIdSchema.optional(),
      requesterId: userIdSchema.optional(),
      search: text(100).default(''),
      beforeId: requestIdSchema.optional(),
      limit,
    }),
    output: pageOfItems(requestSchema),
  }),
  'access.request': query({
    description: 'One request with its approvals, if the caller may read it.',
    input: z.strictObject({ requestId: requestIdSchema }),
    output: requestSchema,
  }),
  'access.queue': query({
    description:
      'The pending requests the caller may decide: those blocking an active or imminent permit first, then the oldest; with the requester’s grants on the resource. Filter by resource and free text.',
    input: z.strictObject({
      resourceId: resourceIdSchema.optional(),
      search: text(100).default(''),
      offset: z.number().int().min(0, 'must not be negative').default(0),
      limit,
    }),
    output: pageOfItems(queueItemSchema),
  }),
  'access.decide': command({
    description:
      'Approves or denies a pending request. Nobody decides their own request or one filed on their behalf; a denial needs a reason; the approver may shorten the duration. A high-risk resource needs two distinct approvers before the grant is made.',
    input: z
      .strictObject({
        requestId: requestIdSchema,
        decision: z.enum(decisions),
        comment: text(1000).default(''),
        /** Shorter than requested, when the approver grants less. */
        grantedHours: durationHours.optional(),
      })
      .refine((input) => input.decision === 'approve' || input.comment.length > 0, {
        message: 'is required when denying: say why',
        path: ['comment'],
      }),
    output: requestSchema,
  }),
  'access.grants': query({
    description:
      'Who has what: grants of one person or on one resource, current (active or not yet started) or past. Requesters see their own; owners and approvers those on their resources; auditors and administrators all.',
    input: z.strictObject({
      holderId: userIdSchema.optional(),
      resourceId: resourceIdSchema.optional(),
      current: z.boolean().default(true),
      beforeId: grantIdSchema.optional(),
      limit,
    }),
    output: pageOfItems(grantSchema),
  }),
  'access.revokeGrant': command({
    description: 'Ends a grant now, with a reason: by an owner or approver of its resource, or an administrator.',
    input: z.strictObject({ grantId: grantIdSchema, reason: required(500) }),
    output: grantSchema,
  }),
  'access.startReview': command({
    description:
      'An owner starts a review of a resource: every active grant on it is to be kept, shortened or revoked.',
    input: z.strictObject({ resourceId: resourceIdSchema }),
    output: reviewSchema,
  }),
  'access.reviews': query({
    description: 'Reviews of the resources the caller owns (all, for auditors and administrators), open first.',
    input: z.strictObject({ open: z.boolean().optional(), limit }),
    output: z.array(reviewSchema),
  }),
  'access.reviewDecide': command({
    description:
      'Decides grants in an open review: keep, shorten (to a new end) or revoke (with a reason); several at once for bulk keep or bulk revoke.',
    input: z.strictObject({
      reviewId: reviewIdSchema,
      grantIds: z.array(grantIdSchema).min(1, 'must name at least one grant').max(500, 'must have at most 500 grants'),
      action: z.enum(reviewActions),
      validTo: epochMs.optional(),
      note: text(500).default(''),
    }),
    output: reviewSchema,
  }),
  'access.closeReview': command({
    description: 'Closes a review once every grant in it is decided.',
    input: z.strictObject({ reviewId: reviewIdSchema }),
    output: reviewSchema,
  }),
}

export const grantHoursToMs = (hours: number) => hours * hour
