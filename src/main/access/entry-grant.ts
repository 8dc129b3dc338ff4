import { and, eq, gt, isNull, lte } from 'drizzle-orm'
import type { EntryCondition } from '../../shared/domain/entry-interlock'
import type { Db } from '../db/database'
import { accessGrants } from '../db/schema'
import { holdsGrant } from './grant-repository'
import { findSpaceResource } from './resource-repository'

/** The space level an entry needs a grant for. */
export const entrantLevel = 'entrant'

/**
 * Access governance's condition on entry, when the site asks for it: the person holds a valid
 * `space:<tag>` entrant grant. A person known only by name holds no grants, so is refused there.
 */
export function entrantGrantConditions(
  tx: Db,
  site: { entryRequiresGrant: boolean },
  space: { id: number; tag: string },
  person: { userId: number | null; name: string },
  now: number,
): EntryCondition[] {
  if (!site.entryRequiresGrant) return []
  const resource = findSpaceResource(tx, space.id)
  const key = `space:${space.tag}`
  const held =
    person.userId !== null &&
    resource !== undefined &&
    holdsGrant(tx, { userId: person.userId, resourceId: resource.row.id, level: entrantLevel }, now)
  return [
    {
      code: 'space_grant',
      describe: `The person holds a valid entrant grant for ${key}.`,
      unmet: () =>
        held
          ? null
          : person.userId === null
            ? `${person.name} has no account, so holds no entrant grant for ${key}; this site requires one.`
            : `${person.name} holds no valid entrant grant for ${key}; this site requires one.`,
    },
  ]
}

/** An accepted entry is the last use of the person's entrant grant on the space, shown in reviews. */
export function touchEntrantGrant(tx: Db, userId: number, spaceId: number, now: number) {
  const resource = findSpaceResource(tx, spaceId)
  if (!resource) return
  tx.update(accessGrants)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(accessGrants.userId, userId),
        eq(accessGrants.resourceId, resource.row.id),
        eq(accessGrants.level, entrantLevel),
        isNull(accessGrants.endedAt),
        lte(accessGrants.validFrom, now),
        gt(accessGrants.validTo, now),
      ),
    )
    .run()
}
