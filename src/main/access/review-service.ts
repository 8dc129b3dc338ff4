import { and, desc, eq, gt, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import type { ReviewDto } from '../../shared/contract/access'
import type { EventMessage } from '../../shared/contract/events'
import { conflict, forbidden, notFound, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { accessGrants, accessResources, accessReviewDecisions, accessReviews, spaces } from '../db/schema'
import { actorOf, systemActor } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { notify } from '../notifications/notification-repository'
import { dayMs, invalidField } from './access-rules'
import { noLongerDue, skipIfNoLongerDue } from './sweep-skip'
import { endGrantNotifying, grantChanged } from './grant-service'
import { findGrant, grantDtos } from './grant-repository'
import { keepsResource, keptResources, nameOf, ownersOf, readsAll, requireResource } from './resource-repository'

type ReviewRow = typeof accessReviews.$inferSelect

function requireReview(db: Db, id: number): ReviewRow {
  const row = db.select().from(accessReviews).where(eq(accessReviews.id, id)).get()
  if (!row) throw notFound(`There is no access review with id ${id}.`)
  return row
}

const reviewChanged = (row: ReviewRow, now: number): EventMessage => ({
  name: 'access.reviewChanged',
  payload: { reviewId: row.id, resourceId: row.resourceId, at: now },
})

/** Grants on the resource that count now or later and that this review has not decided yet. */
function undecidedGrants(db: Db, review: ReviewRow, now: number) {
  const decided = db
    .select({ id: accessReviewDecisions.grantId })
    .from(accessReviewDecisions)
    .where(eq(accessReviewDecisions.reviewId, review.id))
  return db
    .select()
    .from(accessGrants)
    .where(
      and(
        eq(accessGrants.resourceId, review.resourceId),
        isNull(accessGrants.endedAt),
        gt(accessGrants.validTo, now),
        notInArray(accessGrants.id, decided),
      ),
    )
    .orderBy(accessGrants.id)
    .limit(1000)
    .all()
}

export function reviewDto(db: Db, row: ReviewRow, now: number): ReviewDto {
  const resource = requireResource(db, row.resourceId)
  const decisions = db.select().from(accessReviewDecisions).where(eq(accessReviewDecisions.reviewId, row.id)).all()
  const holders =
    decisions.length === 0
      ? []
      : db
          .select({ id: accessGrants.id, userId: accessGrants.userId })
          .from(accessGrants)
          .where(
            inArray(
              accessGrants.id,
              decisions.map((d) => d.grantId),
            ),
          )
          .all()
  const names = nameOf(db, [row.startedById, ...decisions.map((d) => d.decidedById), ...holders.map((h) => h.userId)])
  return {
    id: row.id,
    resource: { id: resource.row.id, key: resource.key, name: resource.name },
    startedBy: { id: row.startedById, name: names.get(row.startedById) ?? '' },
    startedAt: row.startedAt,
    closedAt: row.closedAt,
    decisions: decisions.map((d) => ({
      grantId: d.grantId,
      holder: names.get(holders.find((h) => h.id === d.grantId)?.userId ?? 0) ?? '',
      action: d.action,
      validTo: d.validTo,
      note: d.note,
      decidedBy: names.get(d.decidedById) ?? '',
      at: d.at,
    })),
    undecided: row.closedAt === null ? grantDtos(db, undecidedGrants(db, row, now), now) : [],
  }
}

export function listReviews(
  db: Db,
  caller: Pick<Principal, 'userId' | 'roles'>,
  input: ParsedInput<'access.reviews'>,
  now: number,
) {
  const kept = readsAll(caller) ? undefined : keptResources(caller)
  const rows = db
    .select({ review: accessReviews })
    .from(accessReviews)
    .innerJoin(accessResources, eq(accessResources.id, accessReviews.resourceId))
    .where(
      and(
        kept,
        input.open === undefined
          ? undefined
          : input.open
            ? isNull(accessReviews.closedAt)
            : sql`${accessReviews.closedAt} IS NOT NULL`,
      ),
    )
    .orderBy(sql`${accessReviews.closedAt} IS NOT NULL`, desc(accessReviews.id))
    .limit(input.limit)
    .all()
  return rows.map((r) => reviewDto(db, r.review, now))
}

/**
 * Resources whose review is due: not retired, holding grants still to run, no review open, and the
 * period since the last closed review (or since the resource was made) run out; each told once.
 */
function dueForReview(db: Db, now: number) {
  const lastReviewed = sql<number>`coalesce((SELECT max(${accessReviews.closedAt}) FROM ${accessReviews} WHERE ${accessReviews.resourceId} = ${accessResources.id}), ${accessResources.createdAt})`
  const due = sql<number>`${lastReviewed} + ${accessResources.reviewEveryDays} * ${dayMs}`
  return db
    .select({ id: accessResources.id, due })
    .from(accessResources)
    .leftJoin(spaces, eq(spaces.id, accessResources.spaceId))
    .where(
      and(
        sql`coalesce(${accessResources.retiredAt}, ${spaces.retiredAt}) IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM ${accessReviews} WHERE ${accessReviews.resourceId} = ${accessResources.id} AND ${accessReviews.closedAt} IS NULL)`,
        sql`EXISTS (SELECT 1 FROM ${accessGrants} WHERE ${accessGrants.resourceId} = ${accessResources.id} AND ${accessGrants.endedAt} IS NULL AND ${accessGrants.validTo} > ${now})`,
        sql`${due} <= ${now}`,
        sql`(${accessResources.reviewDueNotifiedAt} IS NULL OR ${accessResources.reviewDueNotifiedAt} < ${due})`,
      ),
    )
    .limit(100)
    .all()
}

/** Tells the owners of each resource whose review is due, once per period; returns how many resources. */
export function notifyDueReviews(db: Db, commit: Commit, now: number): number {
  return dueForReview(db, now).filter(({ id }) =>
    skipIfNoLongerDue(() =>
      commit(systemActor, (tx, at) => {
        if (!dueForReview(tx, at).some((r) => r.id === id)) throw noLongerDue()
        const resource = requireResource(tx, id)
        tx.update(accessResources).set({ reviewDueNotifiedAt: at }).where(eq(accessResources.id, id)).run()
        const notices = notify(
          tx,
          at,
          ownersOf(tx, resource).map((userId) => ({
            userId,
            kind: 'review_due' as const,
            title: `A review of ${resource.key} is due`,
            body: `Every ${resource.row.reviewEveryDays} days its owners review who holds it: start a review.`,
            entityType: 'access_resource' as const,
            entityId: id,
          })),
        )
        return {
          value: null,
          audit: {
            action: 'access.review.due',
            entityType: 'access_resource',
            entityId: id,
            after: { owners: notices.length },
          },
          events: notices,
        }
      }),
    ),
  ).length
}

export function createReviewService(deps: { commit: Commit }) {
  const { commit } = deps

  function requireKeeper(tx: Db, principal: Principal, resourceId: number) {
    const resource = requireResource(tx, resourceId)
    if (!keepsResource(resource, principal)) throw forbidden(`You are not an owner of ${resource.key}.`)
    return resource
  }

  return {
    start(principal: Principal, resourceId: number) {
      return commit(actorOf(principal), (tx, now) => {
        const resource = requireKeeper(tx, principal, resourceId)
        const open = tx
          .select()
          .from(accessReviews)
          .where(and(eq(accessReviews.resourceId, resourceId), isNull(accessReviews.closedAt)))
          .get()
        if (open) throw conflict(`Review #${open.id} of ${resource.key} is still open; finish it first.`)
        const row = tx
          .insert(accessReviews)
          .values({ resourceId, startedById: principal.userId, startedAt: now })
          .returning()
          .get()
        // The period starts again: the next "review due" comes a period after this review closes.
        tx.update(accessResources).set({ reviewDueNotifiedAt: null }).where(eq(accessResources.id, resourceId)).run()
        const notices = notify(
          tx,
          now,
          ownersOf(tx, resource)
            .filter((id) => id !== principal.userId)
            .map((userId) => ({
              userId,
              kind: 'review_due' as const,
              title: `Review of ${resource.key} started by ${principal.displayName}`,
              body: 'Keep, shorten or revoke each active grant.',
              entityType: 'access_review' as const,
              entityId: row.id,
            })),
        )
        return {
          value: reviewDto(tx, row, now),
          audit: {
            action: 'access.review.started',
            entityType: 'access_review',
            entityId: row.id,
            after: { resource: resource.key },
          },
          events: [reviewChanged(row, now), ...notices],
        }
      })
    },

    decide(principal: Principal, input: ParsedInput<'access.reviewDecide'>) {
      return commit(actorOf(principal), (tx, now) => {
        const review = requireReview(tx, input.reviewId)
        const resource = requireKeeper(tx, principal, review.resourceId)
        if (review.closedAt !== null) throw preconditionFailed(`Review #${review.id} is closed.`)
        if (input.action === 'revoke' && !input.note)
          throw invalidField('note', 'too_small', 'is required when revoking: say why')
        if (input.action === 'shorten' && (input.validTo === undefined || input.validTo <= now))
          throw invalidField('validTo', 'too_small', 'must be a time after now when shortening')
        const open = new Map(undecidedGrants(tx, review, now).map((g) => [g.id, g]))
        const events: EventMessage[] = [reviewChanged(review, now)]
        for (const grantId of input.grantIds) {
          const grant = open.get(grantId)
          if (!grant) {
            const found = findGrant(tx, grantId)
            throw found && found.resourceId === review.resourceId
              ? conflict(`Grant #${grantId} is already decided in this review, or no longer active.`)
              : notFound(`Grant #${grantId} is not a grant on ${resource.key}.`)
          }
          if (input.action === 'shorten' && input.validTo !== undefined) {
            if (input.validTo >= grant.validTo)
              throw invalidField('validTo', 'too_big', `must be before grant #${grantId}'s current end to shorten it`)
            tx.update(accessGrants).set({ validTo: input.validTo }).where(eq(accessGrants.id, grantId)).run()
            events.push(grantChanged({ ...grant, validTo: input.validTo }, now))
          }
          if (input.action === 'revoke')
            events.push(
              ...endGrantNotifying(
                tx,
                grant,
                { at: now, reason: 'revoked', note: `Review #${review.id}: ${input.note}`, byId: principal.userId },
                now,
              ).events,
            )
          tx.insert(accessReviewDecisions)
            .values({
              reviewId: review.id,
              grantId,
              action: input.action,
              validTo: input.action === 'shorten' ? (input.validTo ?? null) : null,
              note: input.note,
              decidedById: principal.userId,
              at: now,
            })
            .run()
        }
        return {
          value: reviewDto(tx, review, now),
          audit: {
            action: `access.review.${input.action}`,
            entityType: 'access_review',
            entityId: review.id,
            after: {
              resource: resource.key,
              grantIds: input.grantIds,
              validTo: input.validTo ?? null,
              note: input.note,
            },
          },
          events,
        }
      })
    },

    close(principal: Principal, reviewId: number) {
      return commit(actorOf(principal), (tx, now) => {
        const review = requireReview(tx, reviewId)
        requireKeeper(tx, principal, review.resourceId)
        if (review.closedAt !== null) throw conflict(`Review #${review.id} is already closed.`)
        const left = undecidedGrants(tx, review, now)
        if (left.length > 0)
          throw preconditionFailed(
            `Review #${review.id} still has ${left.length} grant${left.length === 1 ? '' : 's'} to decide.`,
          )
        const row = tx
          .update(accessReviews)
          .set({ closedAt: now, closedById: principal.userId })
          .where(eq(accessReviews.id, review.id))
          .returning()
          .get()
        return {
          value: reviewDto(tx, row, now),
          audit: { action: 'access.review.closed', entityType: 'access_review', entityId: row.id },
          events: [reviewChanged(row, now)],
        }
      })
    },
  }
}
