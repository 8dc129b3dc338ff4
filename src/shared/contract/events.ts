import { z } from 'zod'
import { event } from './define'
import { epochMs } from './common'
import { userIdSchema } from './identity'

export const events = {
  'users.changed': event({
    description: 'A user account was created, or its roles or active state changed.',
    payload: z.object({
      userId: userIdSchema,
      change: z.enum(['created', 'roles', 'active', 'password']),
      at: epochMs,
    }),
  }),
  'audit.appended': event({
    description: 'An audit entry was committed.',
    payload: z.object({
      seq: z.number().int().positive(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      at: epochMs,
    }),
  }),
}

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>
/** One published event as it travels to subscribers. */
export type EventMessage = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]
