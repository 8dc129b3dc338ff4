import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from './database'

/** The session a database and every transaction opened on it share: one connection. */
const sessionOf = (db: Db): object => (db as unknown as { session: object }).session

/**
 * A query drizzle builds once per connection and then only runs, with `sql.placeholder` values.
 * drizzle builds an ordinary query's SQL text again on every call, about 60 µs, where running a
 * small lookup on a compiled statement costs 2 µs: a command's dozen lookups paid more for
 * building than for SQLite. The lookups on a command's path prepare theirs.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const bySession = new WeakMap<object, Q>()
  return (db) => {
    const session = sessionOf(db)
    let query = bySession.get(session)
    if (query === undefined) {
      query = build(db)
      bySession.set(session, query)
    }
    return query
  }
}

/**
 * A list as one placeholder, `IN (SELECT value FROM json_each(?))`, so one prepared query takes a
 * list of any length; pass the values through `jsonList`.
 */
export const anyOf = (placeholder: string): SQL => sql`(SELECT value FROM json_each(${sql.placeholder(placeholder)}))`

export const jsonList = (values: readonly (number | string)[]): string => JSON.stringify(values)
