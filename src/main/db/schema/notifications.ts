import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { notificationKinds } from '../../../shared/contract/notifications'
import { users } from './users'

/** A person's in-app inbox. Notifications are bookkeeping, not records of the domain: reading one is not audited. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    entityType: text('entity_type', {
      enum: ['access_request', 'access_grant', 'access_review', 'access_resource'],
    }).notNull(),
    entityId: integer('entity_id').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
)
