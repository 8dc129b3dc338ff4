import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import type { Clock } from '../core/clock'
import { preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { permits, spaces, users } from '../db/schema'
import { findSpace } from '../spaces/space-repository'
import { insideByPermit } from '../entries/presence'
import { mayHoldPeopleStates } from '../../shared/domain/permit-lifecycle'
import { requirePermit } from './permit-repository'
import type { PermitService } from './permit-service'
import { buildCards } from './permit-views'

/** The board shows what is live; closed and cancelled permits live in the register. */
const boardStates: PermitState[] = ['draft', 'pending_authorization', 'authorized', 'active', 'suspended', 'expired']
/** A board is a wall display, not a report: bounded so one call stays cheap. */
const boardLimit = 200

/** The headcount an "Evacuate" order for this scope would call out: every open permit of the site(s). */
function peopleInsideSites(db: Db, siteId: number | undefined): number {
  const open = db
    .select({ id: permits.id })
    .from(permits)
    .where(
      and(
        inArray(permits.state, [...mayHoldPeopleStates]),
        siteId === undefined ? undefined : eq(permits.siteId, siteId),
      ),
    )
    .all()
  let headcount = 0
  for (const people of insideByPermit(
    db,
    open.map((p) => p.id),
  ).values())
    headcount += people.length
  return headcount
}

export function createPermitHandlers(db: Db, clock: Clock, service: PermitService): HandlersFor<'permits'> {
  return {
    'permits.board': (input) => {
      const now = clock.now()
      const states = input.states?.length ? input.states : boardStates
      const rows = db
        .select()
        .from(permits)
        .where(
          and(
            inArray(permits.state, states),
            input.siteId === undefined ? undefined : eq(permits.siteId, input.siteId),
          ),
        )
        .orderBy(permits.validTo)
        .limit(boardLimit)
        .all()
      const cards = buildCards(db, rows, now)
      // Alarms first, then the permits with people inside, then by end of validity.
      cards.sort(
        (a, b) =>
          Number(b.alarms.length > 0) - Number(a.alarms.length > 0) ||
          b.inside.length - a.inside.length ||
          a.validTo - b.validTo,
      )
      return { cards, peopleInside: peopleInsideSites(db, input.siteId), now }
    },

    'permits.register': (input) => {
      const where = input.siteId === undefined ? undefined : eq(permits.siteId, input.siteId)
      const rows = db
        .select({ permit: permits, spaceName: spaces.name, location: spaces.location, supervisor: users.displayName })
        .from(permits)
        .innerJoin(spaces, eq(spaces.id, permits.spaceId))
        .innerJoin(users, eq(users.id, permits.entrySupervisorId))
        .where(where)
        .orderBy(desc(permits.createdAt), desc(permits.id))
        .limit(input.limit)
        .offset(input.offset)
        .all()
      const total = db.select({ n: count() }).from(permits).where(where).get()?.n ?? 0
      const issuers = new Map(
        db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(
            inArray(
              users.id,
              rows.map((r) => r.permit.authorizedById ?? r.permit.createdById),
            ),
          )
          .all()
          .map((u) => [u.id, u.name]),
      )
      return {
        items: rows.map((r) => ({
          id: r.permit.id,
          spaceName: r.spaceName,
          permitNumber: r.permit.number,
          status: r.permit.state,
          location: r.location,
          // Issued by whoever signed it; before signature, whoever prepared it.
          issuedBy: issuers.get(r.permit.authorizedById ?? r.permit.createdById) ?? r.supervisor,
          validFrom: r.permit.validFrom,
          validTo: r.permit.validTo,
        })),
        total,
      }
    },

    'permits.get': (input) => service.get(input.permitId),
    'permits.savePdf': async (input, ctx) => {
      const permit = requirePermit(db, input.permitId)
      if (!ctx.host) {
        throw preconditionFailed(
          'Saving a PDF is a desktop feature. In the browser, use Print and choose "Save as PDF".',
        )
      }
      // Every permit has a space (a foreign key), so the tag is always there.
      const space = findSpace(db, permit.spaceId)
      return { file: await ctx.host.exportPdf(`${permit.number} ${space?.tag ?? ''}.pdf`) }
    },
    'permits.create': (input, ctx) => service.create(ctx.principal, input),
    'permits.update': (input, ctx) => service.update(ctx.principal, input),
    'permits.transition': (input, ctx) => service.transition(ctx.principal, input),
    'permits.authorize': (input, ctx) => service.authorize(ctx.principal, input),
    'permits.transferSupervisor': (input, ctx) => service.transferSupervisor(ctx.principal, input),
  }
}
