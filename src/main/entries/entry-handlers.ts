import { and, eq, inArray } from 'drizzle-orm'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { permits, spaces } from '../db/schema'
import { requirePermit } from '../permits/permit-repository'
import { entryPairsOf } from './entry-pairs'
import type { EntryService } from './entry-service'
import { insideByPermit } from './presence'

/** States in which someone can still be inside: every other permit has been emptied. */
const occupiableStates = ['authorized', 'active', 'suspended', 'expired', 'closed', 'cancelled'] as const

export function createEntryHandlers(db: Db, entries: EntryService): HandlersFor<'entries'> {
  return {
    'entries.recordEntry': (input, ctx) => entries.recordEntry(ctx.principal, input),
    'entries.recordExit': (input, ctx) => entries.recordExit(ctx.principal, input),
    'entries.correctExit': (input, ctx) => entries.correctExit(ctx.principal, input),
    'entries.pairs': (input) => entryPairsOf(db, requirePermit(db, input.permitId).id),
    'entries.inside': (input) => {
      const rows = db
        .select({ permit: permits, tag: spaces.tag, name: spaces.name })
        .from(permits)
        .innerJoin(spaces, eq(spaces.id, permits.spaceId))
        .where(
          and(
            inArray(permits.state, [...occupiableStates]),
            input.siteId === undefined ? undefined : eq(permits.siteId, input.siteId),
          ),
        )
        .all()
      const inside = insideByPermit(
        db,
        rows.map((r) => r.permit.id),
      )
      return rows
        .filter((r) => (inside.get(r.permit.id)?.length ?? 0) > 0)
        .map((r) => {
          const people = inside.get(r.permit.id) ?? []
          return {
            spaceId: r.permit.spaceId,
            spaceTag: r.tag,
            spaceName: r.name,
            permitId: r.permit.id,
            permitNumber: r.permit.number,
            headcount: people.length,
            people,
          }
        })
        .sort((a, b) => a.spaceTag.localeCompare(b.spaceTag))
    },
  }
}
