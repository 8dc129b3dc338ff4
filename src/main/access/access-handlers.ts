import type { Clock } from '../core/clock'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { approvalQueue, listGrants, listRequests, readRequest } from './access-queries'
import { createCatalogueService } from './catalogue-service'
import type { GrantService } from './grant-service'
import { listResources, resourceDto } from './resource-repository'
import type { RequestService } from './request-service'
import { createReviewService, listReviews } from './review-service'

export function createAccessHandlers(deps: {
  db: Db
  commit: Commit
  clock: Clock
  requests: RequestService
  grants: GrantService
}): HandlersFor<'access'> {
  const { db, commit, clock, requests, grants } = deps
  const catalogue = createCatalogueService({ commit })
  const reviews = createReviewService({ commit })
  return {
    'access.resources': (input) => listResources(db, input).map((resource) => resourceDto(db, resource)),
    'access.saveResource': (input, ctx) => catalogue.save(ctx.principal, input),
    'access.retireResource': (input, ctx) => catalogue.retire(ctx.principal, input),
    'access.fileRequest': (input, ctx) => requests.file(ctx.principal, input),
    'access.editRequest': (input, ctx) => requests.edit(ctx.principal, input),
    'access.withdrawRequest': (input, ctx) => requests.withdraw(ctx.principal, input),
    'access.requests': (input, ctx) => listRequests(db, ctx.principal, input),
    'access.request': (input, ctx) => readRequest(db, ctx.principal, input.requestId),
    'access.queue': (input, ctx) => approvalQueue(db, ctx.principal, input, clock.now()),
    'access.decide': (input, ctx) => requests.decide(ctx.principal, input),
    'access.grants': (input, ctx) => listGrants(db, ctx.principal, input, clock.now()),
    'access.revokeGrant': (input, ctx) => grants.revoke(ctx.principal, input.grantId, input.reason),
    'access.startReview': (input, ctx) => reviews.start(ctx.principal, input.resourceId),
    'access.reviews': (input, ctx) => listReviews(db, ctx.principal, input, clock.now()),
    'access.reviewDecide': (input, ctx) => reviews.decide(ctx.principal, input),
    'access.closeReview': (input, ctx) => reviews.close(ctx.principal, input.reviewId),
  }
}
