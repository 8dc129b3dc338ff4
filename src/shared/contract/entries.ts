import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { entryPairSchema, permitIdSchema, personRefSchema } from './permits'
import { siteIdSchema } from './sites'

export const entryEventSchema = z.object({
  id: z.number().int().positive(),
  permitId: permitIdSchema,
  kind: z.enum(['entry', 'exit']),
  personKey: z.string(),
  personName: z.string(),
  at: epochMs,
  headcount: z.number().int().nonnegative(),
  /** An exit is always recorded; this says what was unusual about it, if anything. */
  warning: z.string().nullable(),
})

export const entryProcedures = {
  'entries.recordEntry': command({
    description:
      'Records an entry into the permit’s space. Refused, naming every unmet condition, unless every entry condition holds.',
    input: z.strictObject({
      permitId: permitIdSchema,
      person: personRefSchema,
      notes: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    }),
    output: entryEventSchema,
  }),
  'entries.recordExit': command({
    description: 'Records an exit. An exit is never refused.',
    input: z.strictObject({
      permitId: permitIdSchema,
      person: personRefSchema,
      notes: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    }),
    output: entryEventSchema,
  }),
  'entries.correctExit': command({
    description:
      'Corrects an exit logged by mistake: a new, audited record puts the person back inside. History is never edited; an exit stays one click.',
    input: z.strictObject({
      permitId: permitIdSchema,
      /** The id of the mistaken exit: it must be the person's latest record on this permit. */
      exitId: z.number().int().positive(),
      reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    }),
    output: entryEventSchema,
  }),
  'entries.pairs': query({
    description: 'Entry and exit pairs of a permit (entryTime, exitTime, remarks).',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: z.array(entryPairSchema),
  }),
  'entries.inside': query({
    description: 'Who is inside each space right now, with the headcount.',
    input: z.strictObject({ siteId: siteIdSchema.optional() }),
    output: z.array(
      z.object({
        spaceId: z.number().int(),
        spaceTag: z.string(),
        spaceName: z.string(),
        permitId: permitIdSchema,
        permitNumber: z.string(),
        headcount: z.number().int().nonnegative(),
        people: z.array(z.object({ key: z.string(), name: z.string(), since: epochMs })),
      }),
    ),
  }),
}
