import { z } from 'zod'
import { event } from './define'
import { epochMs } from './common'
import { userIdSchema } from './identity'
import { permitStateSchema } from '../domain/permit-lifecycle'
import { requestStatuses } from './access'
import { notificationKinds } from './notifications'

const at = epochMs

export const events = {
  'sites.changed': event({
    description: 'A site was created or its settings changed.',
    payload: z.object({ siteId: z.number().int(), at }),
  }),
  'spaces.changed': event({
    description: 'A confined space was registered, edited or retired.',
    payload: z.object({ spaceId: z.number().int(), at }),
  }),
  'permits.changed': event({
    description: 'A permit was created, edited, moved through its lifecycle or given new people.',
    payload: z.object({ permitId: z.number().int(), state: permitStateSchema, at }),
  }),
  'entries.changed': event({
    description: 'Someone entered or left a space.',
    payload: z.object({ permitId: z.number().int(), spaceId: z.number().int(), headcount: z.number().int(), at }),
  }),
  'atmosphere.recorded': event({
    description: 'An atmospheric test or reading was recorded.',
    payload: z.object({
      permitId: z.number().int().nullable(),
      spaceId: z.number().int(),
      readingId: z.number().int(),
      pass: z.boolean(),
      at,
    }),
  }),
  'evacuations.changed': event({
    description: 'An evacuation was ordered, or its roll call moved on.',
    payload: z.object({ evacuationId: z.number().int(), cleared: z.boolean(), at }),
  }),
  'handovers.changed': event({
    description: 'A shift handover was signed or acknowledged.',
    payload: z.object({ handoverId: z.number().int(), at }),
  }),
  'users.changed': event({
    description: 'A user account was created, or its roles or active state changed.',
    payload: z.object({
      userId: userIdSchema,
      change: z.enum(['created', 'roles', 'active', 'password', 'manager']),
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
  'alarms.raised': event({
    description: 'An alarm was raised. Delivered at once on every transport, never held back by coalescing.',
    payload: z.object({
      alarmId: z.number().int(),
      permitId: z.number().int(),
      priority: z.enum(['high', 'medium', 'low']),
      at,
    }),
  }),
  'alarms.changed': event({
    description: 'An alarm was acknowledged, cleared or resolved.',
    payload: z.object({ alarmId: z.number().int(), permitId: z.number().int(), at }),
  }),
  'readings.recorded': event({
    description: 'Readings were recorded for a permit (a batch: one event per permit).',
    payload: z.object({ permitId: z.number().int(), count: z.number().int(), at }),
  }),
  'instruments.changed': event({
    description: 'A gas monitor was registered or changed.',
    payload: z.object({ instrumentId: z.number().int(), at }),
  }),
  'devices.changed': event({
    description: 'A field device token was created or revoked.',
    payload: z.object({ deviceId: z.number().int(), at }),
  }),
  'system.backupsChanged': event({
    description: 'A backup was taken (by hand or on schedule) or the backup schedule changed.',
    payload: z.object({ at }),
  }),
  'system.integrityChecksChanged': event({
    description:
      'A database check started or finished (at start-up, on schedule or asked for), or the check schedule changed.',
    payload: z.object({ at }),
  }),
  'access.resourcesChanged': event({
    description: 'An IT resource was added to the catalogue, changed or retired.',
    payload: z.object({ resourceId: z.number().int(), at }),
  }),
  'access.requestChanged': event({
    description:
      'An access request was filed, edited, decided, withdrawn or expired. Reaches only those who may read it: its requester, whoever filed it, its resource’s approvers and owners, auditors and administrators.',
    payload: z.object({
      requestId: z.number().int(),
      resourceId: z.number().int(),
      status: z.enum(requestStatuses),
      at,
    }),
  }),
  'access.grantChanged': event({
    description:
      'A grant was made, revoked, shortened or ended. Reaches only its holder, its resource’s approvers and owners, auditors and administrators.',
    payload: z.object({ grantId: z.number().int(), resourceId: z.number().int(), at }),
  }),
  'access.reviewChanged': event({
    description:
      'An access review was started, moved on or closed. Reaches its resource’s owners, auditors and administrators.',
    payload: z.object({ reviewId: z.number().int(), resourceId: z.number().int(), at }),
  }),
  'notifications.created': event({
    description: 'A notification arrived in someone’s inbox. Reaches that person only.',
    payload: z.object({ notificationId: z.number().int(), userId: userIdSchema, kind: z.enum(notificationKinds), at }),
  }),
  'datalog.progress': event({
    description:
      'A datalog import being committed moved on: readings moved of the total. Reaches the person who imports it only.',
    payload: z.object({
      importId: z.number().int(),
      userId: userIdSchema,
      moved: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      at,
    }),
  }),
  'exports.progress': event({
    description:
      'An export being written moved on: rows written of the total. Reaches the person who asked for it only.',
    payload: z.object({
      exportId: z.string(),
      userId: userIdSchema,
      written: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      at,
    }),
  }),
}

/** Events that reach people at once: an alarm or an evacuation never waits behind ordinary updates. */
export const urgentEvents: ReadonlySet<string> = new Set(['alarms.raised', 'evacuations.changed'])

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>
/** One published event as it travels to subscribers. */
export type EventMessage = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]
