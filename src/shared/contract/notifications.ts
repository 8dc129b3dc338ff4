import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'

export const notificationKinds = [
  'request_arrived',
  'request_decided',
  'request_expired',
  'grant_expiring',
  'grant_ended',
  'review_due',
  'integrity_check_failed',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

export const notificationEntityTypes = [
  'access_request',
  'access_grant',
  'access_review',
  'access_resource',
  'integrity_check',
] as const

export const notificationIdSchema = z.number().int().positive()

export const notificationSchema = z.object({
  id: notificationIdSchema,
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  /** The record it is about, to link to: an access request, a grant, a review, a database check. */
  entityType: z.enum(notificationEntityTypes),
  entityId: z.number().int(),
  createdAt: epochMs,
  readAt: epochMs.nullable(),
})
export type NotificationDto = z.infer<typeof notificationSchema>

export const notificationProcedures = {
  'notifications.list': query({
    description: 'The caller’s own inbox, newest first, with the count of unread notifications.',
    input: z.strictObject({
      unreadOnly: z.boolean().default(false),
      beforeId: notificationIdSchema.optional(),
      limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
    }),
    output: z.object({
      items: z.array(notificationSchema),
      unread: z.number().int().nonnegative(),
      hasMore: z.boolean(),
    }),
  }),
  'notifications.markRead': command({
    description: 'Marks the caller’s own notifications read: the ones named, or all of them.',
    input: z
      .strictObject({
        ids: z.array(notificationIdSchema).max(200, 'must have at most 200 notifications').optional(),
        all: z.boolean().default(false),
      })
      .refine((input) => input.all || (input.ids?.length ?? 0) > 0, {
        message: 'name the notifications to mark read, or all',
        path: ['ids'],
      }),
    output: z.object({ unread: z.number().int().nonnegative() }),
  }),
}
