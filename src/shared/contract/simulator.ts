import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { permitIdSchema } from './permits'

export const simulatedPermitSchema = z.object({
  permitId: permitIdSchema,
  permitNumber: z.string(),
  instrumentSerial: z.string(),
  startedAt: epochMs,
  readings: z.number().int().nonnegative(),
})

export const simulatorProcedures = {
  'simulator.start': command({
    description:
      'Starts simulated gas monitors for demos and training: one per permit, 1 Hz, with noise, slow drift and occasional excursions, through the same ingest path. Every simulated reading is marked as such; it stops by itself when the permit closes.',
    input: z.strictObject({
      permitIds: z
        .array(permitIdSchema)
        .min(1, 'must name at least one permit')
        .max(20, 'must name at most 20 permits'),
    }),
    output: z.array(simulatedPermitSchema),
  }),
  'simulator.stop': command({
    description: 'Stops the simulated monitors of these permits, or of every permit when none is named.',
    input: z.strictObject({ permitIds: z.array(permitIdSchema).max(200).optional() }),
    output: z.array(simulatedPermitSchema),
  }),
  'simulator.status': query({
    description: 'The permits with a simulated monitor running.',
    input: z.strictObject({}),
    output: z.array(simulatedPermitSchema),
  }),
}
