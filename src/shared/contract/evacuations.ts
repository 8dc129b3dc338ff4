import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'

/** What an order reaches: one permit's space, every space of one site, or every space. */
export const evacuationScopes = ['permit', 'site', 'all'] as const

export const evacuationSchema = z.object({
  id: z.number().int().positive(),
  scope: z.enum(evacuationScopes),
  permitId: permitIdSchema.nullable(),
  siteId: siteIdSchema.nullable(),
  /** The scope in words: "CSE-NORTH-2026-0001 (TK-101)", "every space of North plant", "every space". */
  scopeLabel: z.string(),
  reason: z.string(),
  orderedBy: z.string(),
  orderedAt: epochMs,
  clearedAt: epochMs.nullable(),
  rollCall: z.array(
    z.object({
      permitId: permitIdSchema,
      permitNumber: z.string(),
      spaceTag: z.string(),
      personKey: z.string(),
      personName: z.string(),
      exitedAt: epochMs.nullable(),
    }),
  ),
})
export type EvacuationDto = z.infer<typeof evacuationSchema>

export const evacuationProcedures = {
  'evacuations.order': command({
    description:
      'Orders everyone out of one permit’s space (permitId), of every space of one site (siteId), or of every space (neither): the permits are suspended and a roll call starts.',
    input: z
      .strictObject({
        permitId: permitIdSchema.optional(),
        siteId: siteIdSchema.optional(),
        reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
      })
      .refine((order) => order.permitId === undefined || order.siteId === undefined, {
        message: 'must not be given with permitId: an order names one permit, one site, or neither',
        path: ['siteId'],
      }),
    output: evacuationSchema,
  }),
  'evacuations.active': query({
    description: 'Evacuations whose roll call is not complete, with who still has to come out.',
    input: z.strictObject({}),
    output: z.array(evacuationSchema),
  }),
}
