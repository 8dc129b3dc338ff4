import { z } from 'zod'
import { command, query } from './define'
import { epochMs, pageInput, pageOf } from './common'
import { siteIdSchema } from './sites'

export const spaceClassifications = ['permit_required', 'non_permit', 'reclassified'] as const
export const spaceStatuses = ['available', 'in_use', 'locked_out', 'out_of_service'] as const

export const spaceClassificationLabels: Record<(typeof spaceClassifications)[number], string> = {
  permit_required: 'Permit-required',
  non_permit: 'Non-permit',
  reclassified: 'Reclassified',
}
export const spaceStatusLabels: Record<(typeof spaceStatuses)[number], string> = {
  available: 'Available',
  in_use: 'In use',
  locked_out: 'Locked out',
  out_of_service: 'Out of service',
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
  status: z.enum(spaceStatuses),
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
  status: z.enum(spaceStatuses).default('available'),
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
