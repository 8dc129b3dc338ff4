import { z } from 'zod'
import { alarmLevels } from '../domain/alarm-levels'
import { gases } from '../domain/gases'
import { command, query } from './define'
import { epochMs } from './common'
import { instrumentIdSchema } from './instruments'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'
import { spaceIdSchema } from './spaces'

/** ISA-18.2 / IEC 62682 states, as OPC UA Part 9 models them, plus our final "resolved". */
export const alarmStates = [
  'active_unacknowledged',
  'active_acknowledged',
  'cleared_unacknowledged',
  'cleared_acknowledged',
  'resolved',
] as const
export type AlarmState = (typeof alarmStates)[number]

export const alarmStateLabels: Record<AlarmState, string> = {
  active_unacknowledged: 'Active, not acknowledged',
  active_acknowledged: 'Active, acknowledged',
  cleared_unacknowledged: 'Cleared, not acknowledged',
  cleared_acknowledged: 'Cleared, awaiting resolution',
  resolved: 'Resolved',
}

export const alarmKinds = ['gas', 'stale'] as const
/** High: act now (evacuation, a high gas alarm). Medium: a gas outside limits. Low: a stale feed. */
export const alarmPriorities = ['high', 'medium', 'low'] as const
export const alarmResolutions = ['false_alarm', 'real_event', 'test'] as const
export const alarmResolutionLabels: Record<(typeof alarmResolutions)[number], string> = {
  false_alarm: 'False alarm',
  real_event: 'Real event',
  test: 'Test',
}

export const alarmIdSchema = z.number().int().positive()

export const alarmSchema = z.object({
  id: alarmIdSchema,
  kind: z.enum(alarmKinds),
  priority: z.enum(alarmPriorities),
  state: z.enum(alarmStates),
  permitId: permitIdSchema,
  permitNumber: z.string(),
  siteId: siteIdSchema,
  spaceId: spaceIdSchema,
  spaceTag: z.string(),
  /** Null for an alarm raised by an atmospheric test (tests judge the space, whatever the instrument). */
  instrumentId: instrumentIdSchema.nullable(),
  instrumentSerial: z.string().nullable(),
  gas: z.enum(gases).nullable(),
  level: z.enum([...alarmLevels, 'stale']),
  /** The worst value reached while active, and the limit it crossed. */
  value: z.number().nullable(),
  limit: z.number().nullable(),
  message: z.string(),
  raisedAt: epochMs,
  /** The first alarm of its permit's cascade. */
  firstOut: z.boolean(),
  /** It suspended the permit: it stays until a supervisor resolves it, and can never be shelved. */
  latched: z.boolean(),
  acknowledgedAt: epochMs.nullable(),
  acknowledgedBy: z.string().nullable(),
  clearedAt: epochMs.nullable(),
  resolvedAt: epochMs.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.enum(alarmResolutions).nullable(),
  resolutionNote: z.string().nullable(),
  helpSent: z.boolean().nullable(),
})
export type AlarmDto = z.infer<typeof alarmSchema>

export const alarmProcedures = {
  'alarms.list': query({
    description:
      'Alarms, newest first, filtered by state (open: not resolved), acknowledgement, permit, space, gas and time; keyset paged by id.',
    input: z.strictObject({
      open: z.boolean().optional(),
      unacknowledged: z.boolean().optional(),
      permitId: permitIdSchema.optional(),
      spaceId: spaceIdSchema.optional(),
      siteId: siteIdSchema.optional(),
      gas: z.enum(gases).optional(),
      from: epochMs.optional(),
      to: epochMs.optional(),
      beforeId: alarmIdSchema.optional(),
      limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
    }),
    output: z.object({ items: z.array(alarmSchema), hasMore: z.boolean() }),
  }),
  'alarms.summary': query({
    description:
      'What every console shows in its banner and title: open alarms (newest first, at most 20), counts, and whether an alarm flood is on (more than ten alarms in ten minutes).',
    input: z.strictObject({}),
    output: z.object({
      open: z.array(alarmSchema),
      openCount: z.number().int().nonnegative(),
      unacknowledgedCount: z.number().int().nonnegative(),
      /** The worst priority among every unacknowledged alarm, listed or not: what the tone sounds. */
      worstUnacknowledged: z.enum(alarmPriorities).nullable(),
      raisedLast10Min: z.number().int().nonnegative(),
      flood: z.boolean(),
      now: epochMs,
    }),
  }),
  'alarms.acknowledge': command({
    description:
      'Acknowledges alarms (one, or all of one instrument’s): someone has seen them. Acknowledging silences the tone.',
    input: z
      .strictObject({
        alarmIds: z.array(alarmIdSchema).max(200, 'must have at most 200 alarms').optional(),
        instrumentId: instrumentIdSchema.optional(),
      })
      .refine((input) => (input.alarmIds?.length ?? 0) > 0 || input.instrumentId !== undefined, {
        message: 'name the alarms to acknowledge, or an instrument',
        path: ['alarmIds'],
      }),
    output: z.object({ acknowledged: z.number().int().nonnegative() }),
  }),
  'alarms.resolve': command({
    description:
      'Resolves a cleared, acknowledged alarm with a reason (false alarm, real event, test) and whether help was sent. A latched alarm (one that suspended its permit) is resolved by a site supervisor.',
    input: z.strictObject({
      alarmId: alarmIdSchema,
      resolution: z.enum(alarmResolutions),
      note: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
      helpSent: z.boolean(),
    }),
    output: alarmSchema,
  }),
}
