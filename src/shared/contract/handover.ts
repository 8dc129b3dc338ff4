import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { exposureExceedanceSchema } from './exposure'
import { userIdSchema } from './identity'
import { attendantSchema, permitCardSchema } from './permits'
import { siteIdSchema } from './sites'

/** What the outgoing supervisor hands over, as of the moment it was drawn up. */
export const handoverReportSchema = z.object({
  at: epochMs,
  siteId: siteIdSchema.nullable(),
  shiftHours: z.number(),
  activePermits: z.array(permitCardSchema),
  attendants: z.array(attendantSchema.extend({ permitNumber: z.string() })),
  /** Each alarm with the space it is in; the space is empty in reports signed before it was recorded. */
  openAlarms: z.array(
    z.object({
      permitNumber: z.string(),
      spaceTag: z.string().default(''),
      spaceName: z.string().default(''),
      alarm: z.string(),
    }),
  ),
  /** Soonest first. */
  expiringNextShift: z.array(z.object({ permitId: z.number().int(), permitNumber: z.string(), validTo: epochMs })),
  /** Permits waiting for an authorizer, oldest first; empty in reports signed before they were listed. */
  pendingAuthorization: z
    .array(
      z.object({
        permitId: z.number().int(),
        permitNumber: z.string(),
        spaceTag: z.string(),
        spaceName: z.string(),
        preparedBy: z.string(),
        since: epochMs,
      }),
    )
    .default([]),
  peopleInside: z.number().int().nonnegative(),
  /**
   * Shifts of the handover's hours in which someone's H2S or CO TWA or STEL was above its limit,
   * newest first; empty in reports signed before they were listed.
   */
  exposureExceedances: z.array(exposureExceedanceSchema).default([]),
})
export type HandoverReportDto = z.infer<typeof handoverReportSchema>

export const handoverSchema = z.object({
  id: z.number().int().positive(),
  report: handoverReportSchema,
  notes: z.string(),
  outgoingId: z.number().int().positive(),
  outgoing: z.string(),
  signedAt: epochMs,
  incoming: z.string().nullable(),
  acknowledgedAt: epochMs.nullable(),
  /** The audit checkpoint signed with the handover: the trail up to that entry is provably unchanged since. */
  checkpoint: z
    .object({ seq: z.number().int().nonnegative(), hash: z.string(), keyId: z.string(), at: epochMs })
    .nullable(),
})
export type HandoverDto = z.infer<typeof handoverSchema>

const handoverScope = {
  siteId: siteIdSchema.optional(),
  shiftHours: z.number().min(1, 'must be at least 1').max(24, 'must be at most 24').default(12),
}

export const handoverProcedures = {
  'handover.draft': query({
    description:
      'Draws up the shift handover report: active permits, who is inside, attendants, alarms, permits expiring next shift, permits pending authorization.',
    input: z.strictObject(handoverScope),
    output: handoverReportSchema,
  }),
  'handover.sign': command({
    description:
      'The outgoing supervisor signs the handover (re-entering their password); the report is frozen as signed.',
    input: z.strictObject({
      ...handoverScope,
      notes: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
      password: z.string().min(1, 'is required').max(256),
    }),
    output: handoverSchema,
  }),
  'handover.acknowledge': command({
    description:
      'The incoming supervisor acknowledges a signed handover (re-entering their password), naming the signed time they read; refused if it is not that handover.',
    input: z.strictObject({
      handoverId: z.number().int().positive(),
      /** The signed time shown to the incoming supervisor: they acknowledge that signed report and no other. */
      signedAt: epochMs,
      password: z.string().min(1, 'is required').max(256),
    }),
    output: handoverSchema,
  }),
  'handover.list': query({
    description: 'Recent handovers, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(handoverSchema),
  }),
}

export const demoProcedures = {
  'demo.load': command({
    description: 'Creates a clearly labelled demo site with spaces, people and permits in several states.',
    input: z.strictObject({}),
    output: z.object({ siteId: siteIdSchema, permits: z.number().int(), people: z.array(userIdSchema) }),
  }),
  'demo.remove': command({
    description:
      'Removes the demo site in one step: its permits are cancelled, its spaces retired, the site hidden and the demo people deactivated. Audit entries are kept.',
    input: z.strictObject({}),
    output: z.object({
      siteId: siteIdSchema,
      permitsCancelled: z.number().int(),
      spacesRetired: z.number().int(),
      peopleDeactivated: z.number().int(),
    }),
  }),
}
