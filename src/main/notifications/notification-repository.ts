import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import type { NotificationDto } from '../../shared/contract/notifications'
import type { Db } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { notifications } from '../db/schema'

export type NotificationDraft = Omit<typeof notifications.$inferInsert, 'id' | 'createdAt' | 'readAt'>

const insertNotification = preparedQuery((db) =>
  db
    .insert(notifications)
    .values({
      userId: sql.placeholder('userId'),
      kind: sql.placeholder('kind'),
      title: sql.placeholder('title'),
      body: sql.placeholder('body'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning()
    .prepare(),
)

/**
 * Puts notifications in their people's inboxes inside the caller's transaction, so a notice is
 * written exactly when the change it announces commits; returns the events to publish after.
 */
export function notify(tx: Db, now: number, drafts: readonly NotificationDraft[]): EventMessage[] {
  const rows = drafts.map((draft) => insertNotification(tx).get({ ...draft, createdAt: now }))
  return rows.map((row) => ({
    name: 'notifications.created' as const,
    payload: { notificationId: row.id, userId: row.userId, kind: row.kind, at: now },
  }))
}

export const unreadCount = (db: Db, userId: number) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()?.n ?? 0

export function inbox(db: Db, userId: number, filter: { unreadOnly: boolean; beforeId?: number; limit: number }) {
  const rows = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        filter.unreadOnly ? isNull(notifications.readAt) : undefined,
        filter.beforeId === undefined ? undefined : lt(notifications.id, filter.beforeId),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(filter.limit + 1)
    .all()
  const items: NotificationDto[] = rows.slice(0, filter.limit).map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  }))
  return { items, unread: unreadCount(db, userId), hasMore: rows.length > filter.limit }
}

/** Marks the person's own notifications read; another person's ids are silently not theirs to mark. */
export function markRead(db: Db, userId: number, now: number, which: { ids?: number[]; all: boolean }) {
  const marked = db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        which.all ? undefined : inArray(notifications.id, which.ids ?? []),
      ),
    )
    .run().changes
  return { marked, unread: unreadCount(db, userId) }
}
