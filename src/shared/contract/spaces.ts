import { z } from 'zod'
import { command, query } from './define'
import { epochMs, pageInput, pageOf } from './common'
import { siteIdSchema } from './sites'
import { permitStateSchema } from '../domain/permit-lifecycle'
import { spaceAvailabilities, spaceServiceStatuses } from '../domain/space-availability'

export const spaceClassifications = ['permit_required', 'non_permit', 'reclassified'] as const

export const spaceClassificationLabels: Record<(typeof spaceClassifications)[number], string> = {
  permit_required: 'Permit-required',
  non_permit: 'Non-permit',
  reclassified: 'Reclassified',
}

export const spaceIdSchema = z.number().int().positive()

export const spaceSchema = z.object({
  id: spaceIdSchema,
  siteId: siteIdSchema,
  siteName: z.string(),
  tag: z.string(),
  name: z.string(),
  location: z.string(),
  hazardNotes: z.string(),
  classification: z.enum(spaceClassifications),
  /** Set by hand: in service, locked out or out of service. */
  status: z.enum(spaceServiceStatuses),
  /** Derived from the entry log and the permits, never set by hand. */
  occupancy: z.object({
    headcount: z.number().int().nonnegative(),
    permit: z.object({ id: z.number().int().positive(), number: z.string(), state: permitStateSchema }).nullable(),
  }),
  /** The one word the console shows, from status and occupancy (see spaceAvailability). */
  availability: z.enum(spaceAvailabilities),
  retiredAt: epochMs.nullable(),
})
export type SpaceDto = z.infer<typeof spaceSchema>

const spaceFields = {
  siteId: siteIdSchema,
  tag: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'is required')
    .max(32, 'must be at most 32 characters')
    .regex(/^[A-Z0-9][A-Z0-9._-]*$/, 'may use only letters, digits, dot, dash and underscore'),
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  location: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  hazardNotes: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
  classification: z.enum(spaceClassifications),
  status: z.enum(spaceServiceStatuses).default('in_service'),
}

export const spaceProcedures = {
  'spaces.list': query({
    description: 'Confined spaces, paged, by site and search term; retired ones only on request.',
    input: z.strictObject({
      ...pageInput,
      siteId: siteIdSchema.optional(),
      search: z.string().trim().max(64).optional(),
      includeRetired: z.boolean().default(false),
    }),
    output: pageOf(spaceSchema),
  }),
  'spaces.create': command({
    description: 'Registers a confined space.',
    input: z.strictObject(spaceFields),
    output: spaceSchema,
  }),
  'spaces.update': command({
    description: 'Edits a confined space.',
    input: z.strictObject({ spaceId: spaceIdSchema, ...spaceFields }),
    output: spaceSchema,
  }),
  'spaces.retire': command({
    description: 'Retires a space: it keeps its history but takes no new permits. Spaces are never deleted.',
    input: z.strictObject({
      spaceId: spaceIdSchema,
      reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    }),
    output: spaceSchema,
  }),
}
