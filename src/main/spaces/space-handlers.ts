import { and, eq, inArray } from 'drizzle-orm'
import { conflict, notFound, preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { permits, spaces } from '../db/schema'
import { retireAccess } from '../access/catalogue-service'
import { findSpaceResource } from '../access/resource-repository'
import { actorOf } from '../identity/principal'
import { findSite } from '../sites/site-repository'
import { findSpace, findSpaceByTag, listSpaces, spaceDto } from './space-repository'

/** Permits in these states still depend on their space. */
const livePermitStates = ['draft', 'pending_authorization', 'authorized', 'active', 'suspended', 'expired'] as const

export function createSpaceHandlers(db: Db, commit: Commit): HandlersFor<'spaces'> {
  function checkSiteAndTag(tx: Db, siteId: number, tag: string, spaceId?: number) {
    if (!findSite(tx, siteId)) throw notFound(`There is no site with id ${siteId}.`)
    const clash = findSpaceByTag(tx, tag)
    if (clash && clash.id !== spaceId) throw conflict(`The tag ${tag} is already used by ${clash.name}.`)
  }

  return {
    'spaces.list': (input) => listSpaces(db, input),

    'spaces.create': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        checkSiteAndTag(tx, input.siteId, input.tag)
        const row = tx
          .insert(spaces)
          .values({ ...input, createdAt: now, updatedAt: now })
          .returning()
          .get()
        const dto = spaceDto(tx, row)
        return {
          value: dto,
          audit: { action: 'space.created', entityType: 'space', entityId: row.id, after: dto },
          events: [{ name: 'spaces.changed', payload: { spaceId: row.id, at: now } }],
        }
      }),

    'spaces.update': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const { spaceId, ...fields } = input
        const before = findSpace(tx, spaceId)
        if (!before) throw notFound(`There is no space with id ${spaceId}.`)
        checkSiteAndTag(tx, fields.siteId, fields.tag, spaceId)
        const row = tx
          .update(spaces)
          .set({ ...fields, updatedAt: now })
          .where(eq(spaces.id, spaceId))
          .returning()
          .get()
        const dto = spaceDto(tx, row)
        return {
          value: dto,
          audit: {
            action: 'space.updated',
            entityType: 'space',
            entityId: spaceId,
            before: spaceDto(tx, before),
            after: dto,
          },
          events: [{ name: 'spaces.changed', payload: { spaceId, at: now } }],
        }
      }),

    'spaces.retire': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const before = findSpace(tx, input.spaceId)
        if (!before) throw notFound(`There is no space with id ${input.spaceId}.`)
        if (before.retiredAt !== null) throw preconditionFailed(`${before.tag} is already retired.`)
        const live = tx
          .select({ number: permits.number })
          .from(permits)
          .where(and(eq(permits.spaceId, before.id), inArray(permits.state, [...livePermitStates])))
          .all()
        if (live.length > 0) {
          throw preconditionFailed(
            `${before.tag} still has open permits (${live.map((p) => p.number).join(', ')}); close or cancel them first.`,
          )
        }
        const row = tx
          .update(spaces)
          .set({ retiredAt: now, updatedAt: now })
          .where(eq(spaces.id, before.id))
          .returning()
          .get()
        const dto = spaceDto(tx, row)
        // Its access resource retires with it: pending requests expire, grants end.
        const resource = findSpaceResource(tx, before.id)
        const accessEvents = resource
          ? retireAccess(tx, resource.row.id, `${before.tag} was retired: ${input.reason}`, now)
          : []
        return {
          value: dto,
          audit: { action: 'space.retired', entityType: 'space', entityId: before.id, after: { reason: input.reason } },
          events: [{ name: 'spaces.changed', payload: { spaceId: before.id, at: now } }, ...accessEvents],
        }
      }),
  }
}
