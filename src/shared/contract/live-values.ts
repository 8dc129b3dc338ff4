import { z } from 'zod'
import { gases } from '../domain/gases'
import { epochMs } from './common'
import { instrumentIdSchema } from './instruments'

/** The latest value of each gas from one instrument on a permit, judged against its conditions. */
export const liveValuesSchema = z.object({
  instrumentId: instrumentIdSchema,
  monitoredBy: z.string(),
  instrumentName: z.string(),
  simulated: z.boolean(),
  /** The instrument's bump test or calibration is overdue: its readings are accepted and flagged. */
  flagged: z.array(z.string()),
  gases: z.array(
    z.object({
      gas: z.enum(gases),
      value: z.number(),
      loggedAt: epochMs,
      status: z.enum(['ok', 'warning', 'breach']),
      requirement: z.string(),
    }),
  ),
})
export type LiveValuesDto = z.infer<typeof liveValuesSchema>

/** An open alarm as a board card shows it. */
export const cardAlarmSchema = z.object({
  id: z.number().int().positive(),
  priority: z.enum(['high', 'medium', 'low']),
  acknowledged: z.boolean(),
  cleared: z.boolean(),
  latched: z.boolean(),
  message: z.string(),
  raisedAt: epochMs,
})
