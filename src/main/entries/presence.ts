import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/database'
import { entryEvents } from '../db/schema'

export interface PersonInside {
  key: string
  name: string
  since: number
}

/** The entry events that put someone inside, of the permits `ofPermits` picks: each person's latest, if an entry. */
function insideQuery(db: Db, ofPermits: SQL) {
  const latest = db
    .select({ id: sql<number>`max(${entryEvents.id})` })
    .from(entryEvents)
    .where(ofPermits)
    .groupBy(entryEvents.permitId, entryEvents.personKey)
  return db
    .select()
    .from(entryEvents)
    .where(and(inArray(entryEvents.id, latest), eq(entryEvents.kind, 'entry')))
    .orderBy(entryEvents.id)
}

const personInside = (row: typeof entryEvents.$inferSelect): PersonInside => ({
  key: row.personKey,
  name: row.personName,
  since: row.at,
})

/**
 * Who is inside, per permit, derived from the log: a person is inside when their latest
 * event on that permit is an entry. Never a stored counter, so it cannot drift.
 */
export function insideByPermit(db: Db, permitIds: readonly number[]): Map<number, PersonInside[]> {
  const result = new Map<number, PersonInside[]>()
  if (permitIds.length === 0) return result
  for (const row of insideQuery(db, inArray(entryEvents.permitId, [...permitIds])).all()) {
    const list = result.get(row.permitId) ?? []
    list.push(personInside(row))
    result.set(row.permitId, list)
  }
  return result
}

/**
 * insideOf through one statement prepared once on this database, for a path that asks on every
 * batch (the alarm engine); run inside a transaction on it, it answers within that transaction.
 */
export function preparedInsideOf(db: Db): (permitId: number) => PersonInside[] {
  const query = insideQuery(db, eq(entryEvents.permitId, sql.placeholder('permitId'))).prepare()
  return (permitId) => query.all({ permitId }).map(personInside)
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
