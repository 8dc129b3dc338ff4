import { and, asc, count, eq, isNull } from 'drizzle-orm'
import type { SpaceDto } from '../../shared/contract/spaces'
import type { Db } from '../db/database'
import { sites, spaces } from '../db/schema'
import { containsText } from '../db/text-search'
import { spaceAvailability } from '../../shared/domain/space-availability'
import type { SpaceOccupancy } from '../../shared/domain/space-availability'
import { occupancyOf } from './space-occupancy'

export type SpaceRow = typeof spaces.$inferSelect

export const findSpace = (db: Db, id: number): SpaceRow | undefined =>
  db.select().from(spaces).where(eq(spaces.id, id)).get()

export const findSpaceByTag = (db: Db, tag: string): SpaceRow | undefined =>
  db.select().from(spaces).where(eq(spaces.tag, tag)).get()

export function spaceDto(db: Db, row: SpaceRow): SpaceDto {
  const site = db.select({ name: sites.name }).from(sites).where(eq(sites.id, row.siteId)).get()
  return toSpaceDto(row, site?.name ?? '', occupancyOf(db, [row.id]).get(row.id))
}

const vacant: SpaceOccupancy = { headcount: 0, permit: null }

const toSpaceDto = (row: SpaceRow, siteName: string, occupancy: SpaceOccupancy = vacant): SpaceDto => ({
  id: row.id,
  siteId: row.siteId,
  siteName,
  tag: row.tag,
  name: row.name,
  location: row.location,
  hazardNotes: row.hazardNotes,
  classification: row.classification,
  status: row.status,
  occupancy,
  availability: spaceAvailability(row.status, occupancy),
  retiredAt: row.retiredAt,
})

export function listSpaces(
  db: Db,
  filter: { limit: number; offset: number; siteId?: number; search?: string; includeRetired: boolean },
) {
  const where = and(
    filter.siteId === undefined ? undefined : eq(spaces.siteId, filter.siteId),
    filter.includeRetired ? undefined : isNull(spaces.retiredAt),
    containsText([spaces.tag, spaces.name, spaces.location], filter.search),
  )
  const rows = db
    .select({ space: spaces, siteName: sites.name })
    .from(spaces)
    .innerJoin(sites, eq(sites.id, spaces.siteId))
    .where(where)
    .orderBy(asc(spaces.tag))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
  const total = db.select({ n: count() }).from(spaces).where(where).get()?.n ?? 0
  const occupancy = occupancyOf(
    db,
    rows.map((row) => row.space.id),
  )
  return { items: rows.map((row) => toSpaceDto(row.space, row.siteName, occupancy.get(row.space.id))), total }
}
