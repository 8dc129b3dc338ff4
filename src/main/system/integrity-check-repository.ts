import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { IntegrityCheckDto, IntegrityCheckSchedule } from '../../shared/contract/system'
import type { Db } from '../db/database'
import { integrityCheckSettings, integrityChecks, userRoles, users } from '../db/schema'
import { defaultIntegrityCheckSchedule } from './integrity-check-rules'

export type IntegrityCheckRow = typeof integrityChecks.$inferSelect

export function readCheckSchedule(db: Db): IntegrityCheckSchedule & { updatedAt: number | null } {
  const row = db.select().from(integrityCheckSettings).where(eq(integrityCheckSettings.id, 1)).get()
  return row
    ? { everyHours: row.everyHours, updatedAt: row.updatedAt }
    : { ...defaultIntegrityCheckSchedule, updatedAt: null }
}

export function saveCheckSchedule(db: Db, schedule: IntegrityCheckSchedule, now: number): void {
  const values = { everyHours: schedule.everyHours, updatedAt: now }
  db.insert(integrityCheckSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: integrityCheckSettings.id, set: values })
    .run()
}

export const insertCheck = (db: Db, row: Omit<IntegrityCheckRow, 'id'>): IntegrityCheckRow =>
  db.insert(integrityChecks).values(row).returning().get()

const fullTriggers = ['scheduled', 'manual'] as const

/** The newest check of these triggers; the full check's schedule counts from the last full one, manual or not. */
export const lastCheck = (db: Db, triggers: readonly IntegrityCheckRow['trigger'][]): IntegrityCheckRow | null =>
  db
    .select()
    .from(integrityChecks)
    .where(inArray(integrityChecks.trigger, [...triggers]))
    .orderBy(desc(integrityChecks.at), desc(integrityChecks.id))
    .limit(1)
    .get() ?? null

export const lastFullCheck = (db: Db) => lastCheck(db, fullTriggers)

export function pageOfChecks(db: Db, limit: number, offset: number) {
  const items = db
    .select()
    .from(integrityChecks)
    .orderBy(desc(integrityChecks.at), desc(integrityChecks.id))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(integrityChecks).get()?.n ?? 0
  return { items, total }
}

/** The active administrators: who hears that a check found a problem. */
export const activeAdministratorIds = (db: Db): number[] =>
  db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'administrator'), eq(users.active, true)))
    .all()
    .map((row) => row.id)

export const toCheckDto = (row: IntegrityCheckRow): IntegrityCheckDto => ({
  id: row.id,
  at: row.at,
  trigger: row.trigger,
  result: row.result,
  durationMs: row.durationMs,
  pages: row.pages,
})
