import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StatementCachingClient } from '../../src/main/db/statement-cache'

const opened: { sqlite: Database.Database; dir: string }[] = []

function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-cache-'))
  const sqlite = new Database(path.join(dir, 'cache.db'))
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('x'), ('x')")
  opened.push({ sqlite, dir })
  return { sqlite, client: new StatementCachingClient(sqlite) }
}

afterEach(() => {
  for (const { sqlite, dir } of opened.splice(0)) {
    sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('the statement cache drizzle talks through', () => {
  it('compiles one SQL text once and hands the same statement back', () => {
    const { client } = open()
    expect(client.prepare('select * from t')).toBe(client.prepare('select * from t'))
    expect(client.prepare('select * from t')).not.toBe(client.prepare('select id from t'))
  })

  it('hands a statement back in object mode after a caller switched it to raw rows', () => {
    const { client } = open()
    expect(client.prepare('select id, name from t where id = 1').raw().get()).toEqual([1, 'x'])
    expect(client.prepare('select id, name from t where id = 1').get()).toEqual({ id: 1, name: 'x' })
  })

  it('gives a caller its own statement while the cached one is still being iterated', () => {
    const { client } = open()
    const names: string[] = []
    for (const row of client.prepare('select name from t').iterate() as Iterable<{ name: string }>) {
      const inner = client.prepare('select name from t').all() as { name: string }[]
      names.push(`${row.name}:${inner.length}`)
    }
    expect(names).toEqual(['x:2', 'x:2'])
  })

  it('keeps write statements usable (no raw mode on a statement that returns nothing)', () => {
    const { client, sqlite } = open()
    client.prepare('insert into t (name) values (?)').run('y')
    client.prepare('insert into t (name) values (?)').run('z')
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 4 })
  })
})
