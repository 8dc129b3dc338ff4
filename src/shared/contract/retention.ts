import { z } from 'zod'
import { epochMs, noInput } from './common'
import { query } from './define'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'

/** One run of retention that removed raw readings, as its audit entry records it. */
export const retentionRunSchema = z.object({
  at: epochMs,
  /** Each permit whose raw readings it removed, with how many. */
  permits: z.array(
    z.object({ permitId: permitIdSchema, number: z.string(), readings: z.number().int().nonnegative() }),
  ),
  readings: z.number().int().nonnegative(),
})
export type RetentionRunDto = z.infer<typeof retentionRunSchema>

export const retentionStatusSchema = z.object({
  /** Each site's setting: raw continuous readings kept this many days after their permit ends. */
  sites: z.array(
    z.object({ siteId: siteIdSchema, code: z.string(), name: z.string(), rawReadingDays: z.number().int() }),
  ),
  /** The lowest a site may set (1910.146(e)(6): a year after the permit closes). */
  minimumDays: z.number().int(),
  /** The last run that removed readings; null before the first. */
  lastRun: retentionRunSchema.nullable(),
  /** When retention last looked for readings due, since start-up; null: not yet. */
  lastCheckedAt: epochMs.nullable(),
  /** The last run that failed, until one succeeds; null when none failed. */
  lastFailure: z.object({ at: epochMs, message: z.string() }).nullable(),
  /** How often it looks, in minutes. */
  everyMinutes: z.number().int().positive(),
})
export type RetentionStatusDto = z.infer<typeof retentionStatusSchema>

export const retentionProcedures = {
  'retention.status': query({
    description:
      'How long each site keeps raw continuous readings after their permit is closed or cancelled (then only the per-minute, per-hour and per-day rollups remain), and the last retention run: when, and how many readings of which permits it removed.',
    input: noInput,
    output: retentionStatusSchema,
  }),
}
