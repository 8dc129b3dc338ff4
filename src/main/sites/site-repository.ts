import { asc, eq } from 'drizzle-orm'
import type { SiteDto } from '../../shared/contract/sites'
import type { Db } from '../db/database'
import { sites } from '../db/schema'

export type SiteRow = typeof sites.$inferSelect

export const listSites = (db: Db): SiteRow[] => db.select().from(sites).orderBy(asc(sites.name)).all()

export const findSite = (db: Db, id: number): SiteRow | undefined =>
  db.select().from(sites).where(eq(sites.id, id)).get()

export const findSiteByCode = (db: Db, code: string): SiteRow | undefined =>
  db.select().from(sites).where(eq(sites.code, code)).get()

export const toSiteDto = (row: SiteRow): SiteDto => ({
  id: row.id,
  code: row.code,
  name: row.name,
  limitProfile: row.limitProfile,
  maxTestAgeMinutes: row.maxTestAgeMinutes,
  maxReadingGapSeconds: row.maxReadingGapSeconds,
  entryRequiresGrant: row.entryRequiresGrant,
  pendingRequestDays: row.pendingRequestDays,
  rawReadingDays: row.rawReadingDays,
  isDemo: row.isDemo,
})
