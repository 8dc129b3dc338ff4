import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { permitIdSchema } from './permits'

export const evacuationSchema = z.object({
  id: z.number().int().positive(),
  permitId: permitIdSchema.nullable(),
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
      'Orders everyone out of one permit’s space, or of every space: the permits are suspended and a roll call starts.',
    input: z.strictObject({
      permitId: permitIdSchema.optional(),
      reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    }),
    output: evacuationSchema,
  }),
  'evacuations.active': query({
    description: 'Evacuations whose roll call is not complete, with who still has to come out.',
    input: z.strictObject({}),
    output: z.array(evacuationSchema),
  }),
}
