import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, inArray, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/database'
import type { OpenedDatabase } from '../../src/main/db/database'
import { anyOf, jsonList, preparedQuery } from '../../src/main/db/prepared-query'
import { users } from '../../src/main/db/schema'
import { migrationsFolder } from '../../src/main/resources-dir'

const opened: { database: OpenedDatabase; dir: string }[] = []

/** A real database file with the real migrations, holding these people. */
function databaseOf(...names: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-prepared-'))
  const database = openDatabase({ file: path.join(dir, 'gatehouse.db'), migrationsFolder })
  opened.push({ database, dir })
  for (const name of names)
    database.db
      .insert(users)
      .values({ username: name, displayName: name, passwordHash: 'x', createdAt: 1, updatedAt: 1 })
      .run()
  return database.db
}

afterEach(() => {
  for (const { database, dir } of opened.splice(0)) {
    database.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

const nameById = preparedQuery((db) =>
  db
    .select({ name: users.username })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
)
const namesByIds = preparedQuery((db) =>
  db
    .select({ name: users.username })
    .from(users)
    .where(inArray(users.id, anyOf('ids')))
    .orderBy(users.id)
    .prepare(),
)

describe('a query prepared once per connection', () => {
  it('runs on the connection it is called with: two databases in one process never read each other', () => {
    const first = databaseOf('ada', 'bo')
    const second = databaseOf('cy')
    expect(nameById(first).get({ id: 1 })?.name).toBe('ada')
    expect(nameById(second).get({ id: 1 })?.name).toBe('cy')
    expect(nameById(second).get({ id: 2 })).toBeUndefined()
    expect(nameById(first)).toBe(nameById(first))
    expect(nameById(first)).not.toBe(nameById(second))
  })

  it('is the same query inside a transaction, and sees the transaction’s own writes', () => {
    const db = databaseOf('ada')
    db.transaction((tx) => {
      expect(nameById(tx)).toBe(nameById(db))
      tx.insert(users)
        .values({ username: 'dee', displayName: 'Dee', passwordHash: 'x', createdAt: 1, updatedAt: 1 })
        .run()
      expect(nameById(tx).get({ id: 2 })?.name).toBe('dee')
    })
  })

  it('takes a list of any length as one parameter, repeats and strangers included', () => {
    const db = databaseOf('ada', 'bo', 'cy')
    const names = (ids: number[]) =>
      namesByIds(db)
        .all({ ids: jsonList(ids) })
        .map((r) => r.name)
    expect(names([])).toEqual([])
    expect(names([2])).toEqual(['bo'])
    expect(names([3, 1, 3, 99])).toEqual(['ada', 'cy'])
    expect(names([1, 2, 3])).toEqual(['ada', 'bo', 'cy'])
  })
})
