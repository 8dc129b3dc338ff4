import { z } from 'zod'
import { limitProfileIds } from '../domain/limit-profiles'
import { command, query } from './define'
import { noInput } from './common'

/** 1910.146(e)(6): cancelled permits are kept at least a year, and with them the readings taken under them. */
export const minRawReadingDays = 365
/** A year and a margin, so a reading is never removed on the day the year is up. */
export const defaultRawReadingDays = 400

export const siteIdSchema = z.number().int().positive()

export const siteSchema = z.object({
  id: siteIdSchema,
  code: z.string(),
  name: z.string(),
  limitProfile: z.string(),
  maxTestAgeMinutes: z.number().int(),
  maxReadingGapSeconds: z.number().int(),
  /** An entry also needs a valid `space:<tag>` entrant grant. */
  entryRequiresGrant: z.boolean(),
  /** Days a pending access request for one of the site's spaces waits for a decision before it expires. */
  pendingRequestDays: z.number().int(),
  /** Days raw continuous readings are kept after their permit is closed or cancelled; then only rollups remain. */
  rawReadingDays: z.number().int(),
  isDemo: z.boolean(),
})
export type SiteDto = z.infer<typeof siteSchema>

export const siteProcedures = {
  'sites.list': query({
    description: 'Every site, with its limit profile and how fresh an atmospheric test must be.',
    input: noInput,
    output: z.array(siteSchema),
  }),
  'sites.save': command({
    description: 'Creates a site, or changes one when an id is given.',
    input: z.strictObject({
      id: siteIdSchema.optional(),
      code: z
        .string()
        .trim()
        .toUpperCase()
        .min(2, 'must be at least 2 characters')
        .max(16, 'must be at most 16 characters')
        .regex(/^[A-Z0-9-]+$/, 'may use only letters, digits and dashes'),
      name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
      limitProfile: z.enum(limitProfileIds as [string, ...string[]]),
      maxTestAgeMinutes: z.number().int().min(1, 'must be at least 1').max(240, 'must be at most 240'),
      maxReadingGapSeconds: z.number().int().min(5, 'must be at least 5').max(3600, 'must be at most 3600').default(60),
      entryRequiresGrant: z.boolean().default(false),
      pendingRequestDays: z.number().int().min(1, 'must be at least 1').max(90, 'must be at most 90').default(7),
      rawReadingDays: z
        .number()
        .int('must be a whole number of days')
        .min(
          minRawReadingDays,
          `must be at least ${String(minRawReadingDays)}: a permit's readings are kept a year after it closes (OSHA 1910.146(e)(6))`,
        )
        .max(3650, 'must be at most 3650 (10 years)')
        .default(defaultRawReadingDays),
    }),
    output: siteSchema,
  }),
}
