import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm'
import type { ExposureStayDto } from '../../shared/contract/exposure'
import type { EntryPairDto } from '../../shared/contract/permits'
import type { Db } from '../db/database'
import { entryEvents, permitEntrants, permits, spaces, users } from '../db/schema'
import { entryPairsOf } from '../entries/entry-pairs'

/** One time a person was inside, with what the exposure needs of its permit and what a reader needs to place it. */
export interface PersonStay extends ExposureStayDto {
  limitProfile: string
}

/** Each permit's entry pairs, read once per question however many people it concerns. */
export type PairsCache = Map<number, EntryPairDto[]>

const pairsOf = (db: Db, cache: PairsCache, permitId: number) => {
  let pairs = cache.get(permitId)
  if (!pairs) {
    pairs = entryPairsOf(db, permitId)
    cache.set(permitId, pairs)
  }
  return pairs
}

/**
 * Every stay of a person, from the entry log as entries.pairs pairs it (a corrected exit keeps
 * the stay open), in entry order. Their whole history: which shift a stay falls in depends on the
 * entries before it. An exit with no recorded entry was no time inside and is left out.
 */
export function staysOf(db: Db, personKey: string, cache: PairsCache = new Map()): PersonStay[] {
  const permitIds = db
    .selectDistinct({ permitId: entryEvents.permitId })
    .from(entryEvents)
    .where(eq(entryEvents.personKey, personKey))
    .all()
    .map((row) => row.permitId)
  if (permitIds.length === 0) return []
  const info = new Map(
    db
      .select({
        id: permits.id,
        number: permits.number,
        siteId: permits.siteId,
        limitProfile: permits.limitProfile,
        spaceTag: spaces.tag,
        spaceName: spaces.name,
      })
      .from(permits)
      .innerJoin(spaces, eq(spaces.id, permits.spaceId))
      .where(inArray(permits.id, permitIds))
      .all()
      .map((row) => [row.id, row]),
  )
  const stays: PersonStay[] = []
  for (const permitId of permitIds) {
    const permit = info.get(permitId)
    if (!permit) continue
    for (const pair of pairsOf(db, cache, permitId)) {
      if (pair.personKey !== personKey) continue
      if (pair.exitTime !== null && pair.exitTime <= pair.entryTime) continue
      stays.push({
        permitId,
        permitNumber: permit.number,
        siteId: permit.siteId,
        spaceTag: permit.spaceTag,
        spaceName: permit.spaceName,
        limitProfile: permit.limitProfile,
        entryAt: pair.entryTime,
        exitAt: pair.exitTime,
      })
    }
  }
  return stays.sort((a, b) => a.entryAt - b.entryAt || a.permitId - b.permitId)
}

/** The person's name as last logged, else as their account or a permit names them; null: nobody by that key. */
export function personNameOf(db: Db, personKey: string): string | null {
  const logged = db
    .select({ name: entryEvents.personName })
    .from(entryEvents)
    .where(eq(entryEvents.personKey, personKey))
    .orderBy(desc(entryEvents.id))
    .get()
  if (logged) return logged.name
  const listed = db
    .select({ name: permitEntrants.name })
    .from(permitEntrants)
    .where(eq(permitEntrants.personKey, personKey))
    .orderBy(desc(permitEntrants.id))
    .get()
  if (listed) return listed.name
  const userId = personKey.startsWith('user:') ? Number(personKey.slice(5)) : Number.NaN
  if (!Number.isSafeInteger(userId)) return null
  return db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? null
}

/** Everyone with an entry or exit logged at the site (or anywhere) from `since` to before `until`. */
export function peopleEnteringBetween(db: Db, siteId: number | undefined, since: number, until: number): string[] {
  return db
    .selectDistinct({ personKey: entryEvents.personKey })
    .from(entryEvents)
    .innerJoin(permits, eq(permits.id, entryEvents.permitId))
    .where(
      and(
        gte(entryEvents.at, since),
        lt(entryEvents.at, until),
        siteId === undefined ? undefined : eq(permits.siteId, siteId),
      ),
    )
    .all()
    .map((row) => row.personKey)
}
