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
    /** Resource id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What it is: an IT system, application or group, or a confined space (`space`). */
    kind: text('kind', { enum: resourceKinds }).notNull(),
    /** The catalogue key, e.g. `app:sap-finance` (a space's `space:<tag>` is not stored). IT resources only; unique. */
    key: text('key').unique(),
    /** The IT resource's display name; null for a space, whose name is read from the space. */
    name: text('name'),
    /** What the resource is, for requesters; empty when not given. */
    description: text('description').notNull().default(''),
    /** JSON array of the access levels that can be asked for (a space's: entrant, attendant, supervisor). */
    levels: text('levels', { mode: 'json' }).$type<string[]>().notNull(),
    /** `high`: a request needs two different approvers; `standard`: one. */
    riskTier: text('risk_tier', { enum: riskTiers }).notNull().default('standard'),
    /** The longest access a request may ask for, in hours (720 for a space). */
    maxDurationHours: integer('max_duration_hours').notNull(),
    /** Text a new request's justification starts from; null: none. */
    justificationTemplate: text('justification_template'),
    /** Its owners are told to review who holds it this many days after the last review (or its creation). */
    reviewEveryDays: integer('review_every_days').notNull().default(90),
    /** When the owners were last told a review is due, so they are told once per period. */
    reviewDueNotifiedAt: integer('review_due_notified_at'),
    /** The space this resource stands for (kind `space`); null for an IT resource. Unique. */
    spaceId: integer('space_id')
      .unique()
      .references(() => spaces.id),
    /** When it was added (ms since epoch); a space's, when the space was registered. */
    createdAt: integer('created_at').notNull(),
    /** When the IT resource was retired (ms since epoch); null: in use, and always for a space. */
    retiredAt: integer('retired_at'),
    /** Why the IT resource was retired; null while in use. */
    retiredReason: text('retired_reason'),
  },
  (t) => [index('access_resources_kind_idx').on(t.kind)],
)

/** The named owners and approvers of an IT resource (a space's are its site's supervisors, by role). */
export const accessResourceMembers = sqliteTable(
  'access_resource_members',
  {
    /** The IT resource they own or approve. */
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    /** The owner or approver. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** `owner`: keeps and reviews its grants; `approver`: decides its requests (holds the IT approver role). */
    capacity: text('capacity', { enum: ['owner', 'approver'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId, t.capacity] }),
    index('access_resource_members_user_idx').on(t.userId, t.capacity),
  ],
)

/** A person's request for access to one resource at one level for a while, and how it ended. */
export const accessRequests = sqliteTable(
  'access_requests',
  {
    /** Request id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The person who would hold the access. */
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    /** Who filed it on the requester's behalf; null when the requester did. */
    filedById: integer('filed_by_id').references(() => users.id),
    /** The resource asked for. */
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    /** The level asked for: one of the resource's levels. */
    level: text('level').notNull(),
    /** Why the requester needs the access. */
    justification: text('justification').notNull(),
    /** When the access should start (ms since epoch); a grant starts then, or at approval if later. */
    startsAt: integer('starts_at').notNull(),
    /** How long the access is asked for, in hours (at most the resource's max_duration_hours). */
    durationHours: integer('duration_hours').notNull(),
    /** The entry permit the access is for; its grant ends with that permit. Null: none. */
    permitId: integer('permit_id').references(() => permits.id),
    /** pending until decided, then approved, denied, withdrawn (by the requester) or expired (undecided). */
    status: text('status', { enum: requestStatuses }).notNull().default('pending'),
    /** Why it ended so: the denial's comment, the withdrawal note, why it expired; null otherwise. */
    statusReason: text('status_reason'),
    /** When it was filed (ms since epoch). */
    createdAt: integer('created_at').notNull(),
    /** When it last changed: edited, approved once, decided, withdrawn or expired (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
    /** When it expires if still pending (ms since epoch): filed + the site's pending_request_days (7 for IT). */
    expiresAt: integer('expires_at').notNull(),
    /** When it stopped being pending (ms since epoch); null while pending. */
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
    /** Approval id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The request decided on. */
    requestId: integer('request_id')
      .notNull()
      .references(() => accessRequests.id),
    /** The approver who decided (never the requester, nor whoever filed it). */
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    /** approve or deny. */
    decision: text('decision', { enum: decisions }).notNull(),
    /** The approver's comment (a denial's reason); empty when none. */
    comment: text('comment').notNull().default(''),
    /** For an approval: when the access it allows ends (ms since epoch), maybe shortened; null for a denial. */
    grantedUntil: integer('granted_until'),
    /** When the decision was made (ms since epoch). */
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('access_approvals_one_per_approver_idx').on(t.requestId, t.approverId)],
)

/** A time-bound permission (the template's `Permission`): made by the final approval. */
export const accessGrants = sqliteTable(
  'access_grants',
  {
    /** Grant id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The person who holds the access. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The resource it gives access to. */
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    /** The level it gives (for a space, entry checks the `entrant` level). */
    level: text('level').notNull(),
    /** The request whose final approval made it (one grant per request); every grant made today has one. */
    requestId: integer('request_id')
      .unique()
      .references(() => accessRequests.id),
    /** The permit it came with (from its request): it ends when that permit is closed or cancelled. Null: none. */
    permitId: integer('permit_id').references(() => permits.id),
    /** When it starts counting (ms since epoch): the requested start, or the approval if later. */
    validFrom: integer('valid_from').notNull(),
    /** When it stops counting (ms since epoch): the earliest end its approvers allowed, or as a review shortened it. */
    validTo: integer('valid_to').notNull(),
    /** When it ended (ms since epoch): valid_to on expiry, else when revoked or its permit closed; null: not ended. */
    endedAt: integer('ended_at'),
    /** Why it ended: expired, revoked, permit_closed or resource_retired; null: not ended. */
    endReason: text('end_reason', { enum: grantEndReasons }),
    /** Words on its end: the revocation reason, the permit that closed, ...; null: not ended. */
    endNote: text('end_note'),
    /** Who revoked it; null when it ended by itself (expiry, its permit, retirement) or has not ended. */
    endedById: integer('ended_by_id').references(() => users.id),
    /** Its last use: the last accepted entry under a space's entrant grant (ms since epoch); null: never. */
    lastUsedAt: integer('last_used_at'),
    /** Reminders already sent to the holder, so each goes once. This: when the day-before one went; null: not yet. */
    remindedDayAt: integer('reminded_day_at'),
    /** When the holder was reminded an hour before its end (ms since epoch); null: not yet. */
    remindedHourAt: integer('reminded_hour_at'),
    /** When it was made, by the final approval (ms since epoch). */
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

/** One access review of one resource: its owners keep, shorten or revoke each current grant, then close it. */
export const accessReviews = sqliteTable(
  'access_reviews',
  {
    /** Review id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The resource whose grants are reviewed. */
    resourceId: integer('resource_id')
      .notNull()
      .references(() => accessResources.id),
    /** The owner, approver or administrator who started it. */
    startedById: integer('started_by_id')
      .notNull()
      .references(() => users.id),
    /** When it started (ms since epoch). */
    startedAt: integer('started_at').notNull(),
    /** When it was closed, every grant decided (ms since epoch); null: still open. */
    closedAt: integer('closed_at'),
    /** Who closed it; null while open. */
    closedById: integer('closed_by_id').references(() => users.id),
  },
  (t) => [
    // One open review per resource at a time.
    uniqueIndex('access_reviews_one_open_idx')
      .on(t.resourceId)
      .where(sql`closed_at IS NULL`),
  ],
)

/** What one access review decided for one grant: keep, shorten or revoke, by whom and why. */
export const accessReviewDecisions = sqliteTable(
  'access_review_decisions',
  {
    /** The review it was made in. */
    reviewId: integer('review_id')
      .notNull()
      .references(() => accessReviews.id),
    /** The grant decided on. */
    grantId: integer('grant_id')
      .notNull()
      .references(() => accessGrants.id),
    /** keep; shorten (the grant now ends at valid_to); or revoke (the grant ended at once). */
    action: text('action', { enum: reviewActions }).notNull(),
    /** For shorten: the grant's new end (ms since epoch); null for keep and revoke. */
    validTo: integer('valid_to'),
    /** Why (required to revoke); empty when none. */
    note: text('note').notNull().default(''),
    /** The owner, approver or administrator who decided. */
    decidedById: integer('decided_by_id')
      .notNull()
      .references(() => users.id),
    /** When it was decided (ms since epoch). */
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.grantId] })],
)
