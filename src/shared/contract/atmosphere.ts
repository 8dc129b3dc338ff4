import { z } from 'zod'
import { gases, gasValuesSchema } from '../domain/gases'
import { command } from './define'
import { epochMs } from './common'
import { userIdSchema } from './identity'

export const atmosphereLevels = ['green', 'amber', 'red', 'none'] as const
export const readingKinds = ['pre_entry', 'periodic', 'continuous'] as const
export const readingSources = ['manual', 'import', 'field_api', 'simulator'] as const

export const readingKindLabels: Record<(typeof readingKinds)[number], string> = {
  pre_entry: 'Pre-entry test',
  periodic: 'Periodic test',
  continuous: 'Continuous monitoring',
}

/** A stored reading with each gas judged against the permit's acceptable conditions. */
export const gasReadingSchema = z.object({
  id: z.number().int().positive(),
  takenAt: epochMs,
  o2: z.number().nullable(),
  lel: z.number().nullable(),
  h2s: z.number().nullable(),
  co: z.number().nullable(),
  instrument: z.string(),
  /** The registered instrument; null for tests recorded before the register existed. */
  instrumentId: z.number().int().positive().nullable(),
  /** Why this reading deserves a second look (the instrument's bump test or calibration was overdue). */
  flagged: z.array(z.string()),
  takenBy: z.string(),
  kind: z.enum(readingKinds),
  source: z.enum(readingSources),
  evaluations: z.array(
    z.object({
      gas: z.enum(gases),
      value: z.number(),
      pass: z.boolean(),
      requirement: z.string(),
      message: z.string(),
    }),
  ),
  pass: z.boolean(),
})
export type GasReadingDto = z.infer<typeof gasReadingSchema>

export const atmosphereProcedures = {
  'atmosphere.recordTest': command({
    description:
      'Records a pre-entry or periodic atmospheric test on a permit: O2, LEL, H2S and CO, in that order, with the instrument (its serial in the register) and tester. A pre-entry test with an instrument whose bump test or calibration is overdue is refused; a periodic one is accepted and flagged.',
    input: z.strictObject({
      permitId: z.number().int().positive(),
      kind: z.enum(['pre_entry', 'periodic']),
      takenAt: epochMs,
      values: gasValuesSchema,
      instrument: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
      tester: z.union([
        z.strictObject({ userId: userIdSchema }),
        z.strictObject({ name: z.string().trim().min(2, 'must be at least 2 characters').max(100) }),
      ]),
    }),
    output: gasReadingSchema,
  }),
}
