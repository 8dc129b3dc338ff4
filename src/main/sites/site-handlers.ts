import { eq } from 'drizzle-orm'
import { conflict, notFound } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { sites } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findSite, findSiteByCode, listSites, toSiteDto } from './site-repository'

export function createSiteHandlers(db: Db, commit: Commit): HandlersFor<'sites'> {
  return {
    'sites.list': () => listSites(db).map(toSiteDto),
    'sites.save': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const clash = findSiteByCode(tx, input.code)
        if (clash && clash.id !== input.id)
          throw conflict(`The site code "${input.code}" is already used by ${clash.name}.`)
        const fields = {
          code: input.code,
          name: input.name,
          limitProfile: input.limitProfile,
          maxTestAgeMinutes: input.maxTestAgeMinutes,
          maxReadingGapSeconds: input.maxReadingGapSeconds,
          entryRequiresGrant: input.entryRequiresGrant,
          pendingRequestDays: input.pendingRequestDays,
          rawReadingDays: input.rawReadingDays,
          updatedAt: now,
        }
        let before = null
        let row
        if (input.id === undefined) {
          row = tx
            .insert(sites)
            .values({ ...fields, createdAt: now })
            .returning()
            .get()
        } else {
          before = findSite(tx, input.id)
          if (!before) throw notFound(`There is no site with id ${input.id}.`)
          row = tx.update(sites).set(fields).where(eq(sites.id, input.id)).returning().get()
        }
        const dto = toSiteDto(row)
        return {
          value: dto,
          audit: {
            action: before ? 'site.updated' : 'site.created',
            entityType: 'site',
            entityId: dto.id,
            before: before ? toSiteDto(before) : undefined,
            after: dto,
          },
          events: [{ name: 'sites.changed', payload: { siteId: dto.id, at: now } }],
        }
      }),
  }
}
