import { z } from 'zod'
import { exposureGases } from '../domain/exposure'
import { epochMs } from './common'
import { query } from './define'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'

/** The longest window one question may cover: the annual review's year, and a day to spare. */
export const longestExposureRangeMs = 366 * 86_400_000
/** Without a window: the last 7 days. */
export const defaultExposureRangeMs = 7 * 86_400_000

/** A person as the entry log keys them: `user:<id>` for an account, `name:<name>` for a person without one. */
export const personKeySchema = z
  .string()
  .trim()
  .regex(/^(user:[1-9]\d*|name:.+)$/, 'must be user:<id> or name:<name>, as the entry log keys people')

/** from and to (epoch ms), both optional: to defaults to now and from to 7 days before to. */
const rangeInput = {
  from: epochMs.optional(),
  to: epochMs.optional(),
}
const rangeRules = <T extends { from?: number; to?: number }>(range: T, ctx: z.RefinementCtx) => {
  if (range.from === undefined || range.to === undefined) return
  if (range.from >= range.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' })
  else if (range.to - range.from > longestExposureRangeMs)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be at most 366 days before to' })
}

export const exposureLimitsSchema = z.object({
  /** The strictest 8 h TWA of the profiles involved, ppm; null: none of them sets one. */
  twa: z.number().nullable(),
  /** The strictest 15 min STEL, ppm; null: none of them sets one. */
  stel: z.number().nullable(),
})

export const gasExposureSchema = z.object({
  gas: z.enum(exposureGases),
  /** 8 h TWA, ppm (to 0.001). */
  twa: z.number(),
  /** 15 min STEL, ppm (to 0.001). */
  stel: z.number(),
  /** Start of the 15 minutes that give the STEL; null when no minute had a reading. */
  stelFrom: epochMs.nullable(),
  /** The highest one-minute average as counted (partial minutes weighted); null when there was no reading. */
  peak: z.object({ minuteStart: epochMs, value: z.number() }).nullable(),
  /** Minutes inside without a reading of this gas: zero in the TWA, but unknown. */
  minutesWithoutReadings: z.number(),
  limits: exposureLimitsSchema,
  twaExceeded: z.boolean(),
  stelExceeded: z.boolean(),
})
export type GasExposureDto = z.infer<typeof gasExposureSchema>

export const exposureStaySchema = z.object({
  permitId: permitIdSchema,
  permitNumber: z.string(),
  siteId: siteIdSchema,
  spaceTag: z.string(),
  spaceName: z.string(),
  entryAt: epochMs,
  /** null: still inside. */
  exitAt: epochMs.nullable(),
})
export type ExposureStayDto = z.infer<typeof exposureStaySchema>

export const exposureShiftSchema = z.object({
  /** The first entry of the shift: the shift is the 8 hours from it. */
  startsAt: epochMs,
  /** The end of its last stay (now for someone still inside). */
  lastExitAt: epochMs,
  /** Someone still inside: the figures are so far. */
  ongoing: z.boolean(),
  minutesInside: z.number(),
  /** H2S, then CO. */
  gases: z.array(gasExposureSchema),
  /** The labels of the limit profiles the limits came from. */
  limitProfiles: z.array(z.string()),
  exceeded: z.boolean(),
  stays: z.array(exposureStaySchema),
})
export type ExposureShiftDto = z.infer<typeof exposureShiftSchema>

export const personExposureSchema = z.object({
  personKey: z.string(),
  personName: z.string(),
  from: epochMs,
  to: epochMs,
  /** When it was computed: a stay still open counts up to it. */
  at: epochMs,
  /** How the figures are computed, in words, shown beside them. */
  method: z.string(),
  /** Shifts that overlap the window, newest first. */
  shifts: z.array(exposureShiftSchema),
})
export type PersonExposureDto = z.infer<typeof personExposureSchema>

export const exposureExceedanceSchema = z.object({
  personKey: z.string(),
  personName: z.string(),
  shiftStartsAt: epochMs,
  lastExitAt: epochMs,
  ongoing: z.boolean(),
  /** Each figure above its limit. */
  exceeded: z.array(
    z.object({ gas: z.enum(exposureGases), measure: z.enum(['twa', 'stel']), value: z.number(), limit: z.number() }),
  ),
  stays: z.array(exposureStaySchema),
})
export type ExposureExceedanceDto = z.infer<typeof exposureExceedanceSchema>

export const exposureProcedures = {
  'exposure.person': query({
    description:
      'One person’s exposure per shift (8 h TWA and 15 min STEL of H2S and CO, peak minute, minutes inside and without readings, limits and exceedances, the stays) in a window, default the last 7 days, with the method in words. An entrant may read their own.',
    input: z.strictObject({ personKey: personKeySchema, ...rangeInput }).superRefine(rangeRules),
    output: personExposureSchema,
  }),
  'exposure.exceedances': query({
    description:
      'Every shift in a window (default the last 7 days) in which someone’s TWA or STEL was above its limit, at one site or all, newest first: for the shift handover and the annual review.',
    input: z.strictObject({ siteId: siteIdSchema.optional(), ...rangeInput }).superRefine(rangeRules),
    output: z.array(exposureExceedanceSchema),
  }),
}
