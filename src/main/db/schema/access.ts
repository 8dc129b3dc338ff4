import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  decisions,
  grantEndReasons,
  requestStatuses,
  resourceKinds,
  reviewActions,
  riskTiers,
} from '../../../shared/contract/access'
import { permits } from './permits'
import { spaces } from './spaces'
import { users } from './users'

/**
 * What access can be asked for. An IT resource keeps its own key, name and retirement; a space's
 * resource row is made by a trigger when the space is registered (so no path can miss it), and its
 * key (`space:<tag>`), name and retirement are read from the space itself, so they never drift.
 */
export const accessResources = sqliteTable(
  'access_resources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: resourceKinds }).notNull(),
    /** IT resources only; unique. */
    key: text('key').unique(),
    name: text('name'),
    description: text('description').notNull().default(''),
    levels: text('levels', { mode: 'json' }).$type<string[]>().notNull(),
    riskTier: text('risk_tier', { enum: riskTiers }).notNull().default('standard'),
    maxDurationHours: integer('max_duration_hours').notNull(),
    justificationTemplate: text('justification_template'),
    /** Its owners are told to review who holds it this many days after the last review (or its creation). */
    reviewEveryDays: integer('review_every_days').notNull().default(90),
    /** When the owners were last told a review is due, so they are told once per period. */
    reviewDueNotifiedAt: integer('review_due_notified_at'),
    spaceId: integer('space_id')
      .unique()
      .references(() => spaces.id),
    createdAt: integer('created_at').notNull(),
    retiredAt: integer('retired_at'),
    retiredReason: text('retired_reason'),
  },
  (t) => [index('access_resources_kind_idx').on(t.kind)],
)

/** The named owners and approvers of an IT resource (a space's are its site's supervisors, by role). */
export const accessResourceMembers = sqliteTable(
  'access_resource_members',
  {
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    capacity: text('capacity', { enum: ['owner', 'approver'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId, t.capacity] }),
    index('access_resource_members_user_idx').on(t.userId, t.capacity),
  ],
)

export const accessRequests = sqliteTable(
  'access_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    /** Who filed it on the requester's behalf; null when the requester did. */
    filedById: integer('filed_by_id').references(() => users.id),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    level: text('level').notNull(),
    justification: text('justification').notNull(),
    startsAt: integer('starts_at').notNull(),
    durationHours: integer('duration_hours').notNull(),
    permitId: integer('permit_id').references(() => permits.id),
    status: text('status', { enum: requestStatuses }).notNull().default('pending'),
    statusReason: text('status_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (t) => [
    // No duplicates, whatever the path: one pending request per person, resource and level.
    uniqueIndex('access_requests_one_pending_idx')
      .on(t.requesterId, t.resourceId, t.level)
      .where(sql`status = 'pending'`),
    index('access_requests_status_idx').on(t.status, t.id),
    index('access_requests_requester_idx').on(t.requesterId, t.id),
    index('access_requests_filed_by_idx')
      .on(t.filedById, t.id)
      .where(sql`filed_by_id IS NOT NULL`),
    index('access_requests_resource_idx').on(t.resourceId, t.status, t.id),
    index('access_requests_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'pending'`),
  ],
)

/** One approver's decision on one request: written once, never changed (a trigger refuses it). */
export const accessApprovals = sqliteTable(
  'access_approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => accessRequests.id),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: decisions }).notNull(),
    comment: text('comment').notNull().default(''),
    grantedUntil: integer('granted_until'),
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('access_approvals_one_per_approver_idx').on(t.requestId, t.approverId)],
)

/** A time-bound permission (the template's `Permission`): made by the final approval. */
export const accessGrants = sqliteTable(
  'access_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    level: text('level').notNull(),
    requestId: integer('request_id')
      .unique()
      .references(() => accessRequests.id),
    permitId: integer('permit_id').references(() => permits.id),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to').notNull(),
    endedAt: integer('ended_at'),
    endReason: text('end_reason', { enum: grantEndReasons }),
    endNote: text('end_note'),
    endedById: integer('ended_by_id').references(() => users.id),
    lastUsedAt: integer('last_used_at'),
    /** Reminders already sent to the holder, so each goes once. */
    remindedDayAt: integer('reminded_day_at'),
    remindedHourAt: integer('reminded_hour_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // One person's grants on one resource, newest first (histories), and at a level (duplicates, entry).
    index('access_grants_holder_idx').on(t.userId, t.resourceId, t.id),
    index('access_grants_resource_idx').on(t.resourceId, t.id),
    index('access_grants_open_idx')
      .on(t.validTo)
      .where(sql`ended_at IS NULL`),
    index('access_grants_permit_idx')
      .on(t.permitId)
      .where(sql`permit_id IS NOT NULL AND ended_at IS NULL`),
  ],
)

export const accessReviews = sqliteTable(
  'access_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    startedById: integer('started_by_id')
      .notNull()
      .references(() => users.id),
    startedAt: integer('started_at').notNull(),
    closedAt: integer('closed_at'),
    closedById: integer('closed_by_id').references(() => users.id),
  },
  (t) => [
    // One open review per resource at a time.
    uniqueIndex('access_reviews_one_open_idx')
      .on(t.resourceId)
      .where(sql`closed_at IS NULL`),
  ],
)

export const accessReviewDecisions = sqliteTable(
  'access_review_decisions',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => accessReviews.id),
    grantId: integer('grant_id')
      .notNull()
      .references(() => accessGrants.id),
    action: text('action', { enum: reviewActions }).notNull(),
    validTo: integer('valid_to'),
    note: text('note').notNull().default(''),
    decidedById: integer('decided_by_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.grantId] })],
)
