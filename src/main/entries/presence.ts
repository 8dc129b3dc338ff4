import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/database'
import { entryEvents } from '../db/schema'

export interface PersonInside {
  key: string
  name: string
  since: number
}

/**
 * Who is inside, per permit, derived from the log: a person is inside when their latest
 * event on that permit is an entry. Never a stored counter, so it cannot drift.
 */
export function insideByPermit(db: Db, permitIds: readonly number[]): Map<number, PersonInside[]> {
  const result = new Map<number, PersonInside[]>()
  if (permitIds.length === 0) return result
  const latest = db
    .select({ id: sql<number>`max(${entryEvents.id})` })
    .from(entryEvents)
    .where(inArray(entryEvents.permitId, [...permitIds]))
    .groupBy(entryEvents.permitId, entryEvents.personKey)
  const rows = db
    .select()
    .from(entryEvents)
    .where(and(inArray(entryEvents.id, latest), eq(entryEvents.kind, 'entry')))
    .orderBy(entryEvents.id)
    .all()
  for (const row of rows) {
    const list = result.get(row.permitId) ?? []
    list.push({ key: row.personKey, name: row.personName, since: row.at })
    result.set(row.permitId, list)
  }
  return result
}

export const insideOf = (db: Db, permitId: number): PersonInside[] => insideByPermit(db, [permitId]).get(permitId) ?? []

/** The permits on which this person is recorded inside right now, wherever that is. */
export function permitsWithPersonInside(db: Db, personKey: string): number[] {
  const latest = db
    .select({ id: sql<number>`max(${entryEvents.id})` })
    .from(entryEvents)
    .where(eq(entryEvents.personKey, personKey))
    .groupBy(entryEvents.permitId)
  return db
    .select({ permitId: entryEvents.permitId })
    .from(entryEvents)
    .where(and(inArray(entryEvents.id, latest), eq(entryEvents.kind, 'entry')))
    .all()
    .map((row) => row.permitId)
}
