import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { notificationEntityTypes, notificationKinds } from '../../../shared/contract/notifications'
import { users } from './users'

/** A person's in-app inbox. Notifications are bookkeeping, not records of the domain: reading one is not audited. */
export const notifications = sqliteTable(
  'notifications',
  {
    /** Notification id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The person whose inbox it is in. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** What it announces: a request arrived, decided or expired; a grant ending or ended; a review due; a failed database check. */
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** One line saying what happened. */
    title: text('title').notNull(),
    /** The detail: a justification, a reason, what to do next. */
    body: text('body').notNull(),
    /** The kind of record it is about, to link to. */
    entityType: text('entity_type', { enum: notificationEntityTypes }).notNull(),
    /** That record's id. */
    entityId: integer('entity_id').notNull(),
    /** When it was sent (ms since epoch). */
    createdAt: integer('created_at').notNull(),
    /** When the person marked it read (ms since epoch); null: unread. */
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
)
