import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseDamagedError, openDatabase } from '../../src/main/db/database'
import { migrationsFolder } from '../../src/main/resources-dir'
import { makeTestBackend } from '../support/test-backend'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-db-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the embedded database', () => {
  it('opens with WAL, full sync, foreign keys and a busy timeout, and every migration applied', () => {
    const opened = openDatabase({ file: path.join(tempDir(), 'g.db'), migrationsFolder })
    try {
      expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      const applied = opened.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
      expect(applied.n).toBe(fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length)
    } finally {
      opened.close()
    }
  })

  it('refuses to run on a file that is not a healthy database, with a message saying what to do', () => {
    const file = path.join(tempDir(), 'g.db')
    fs.writeFileSync(file, 'this is not a database, just some text that got copied over it'.repeat(200))
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(DatabaseDamagedError)
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(/damaged.*restore the latest backup/s)
  })

  it('refuses a database whose pages were overwritten', () => {
    const file = path.join(tempDir(), 'g.db')
    const setup = new Database(file)
    setup.exec('create table t(x text); create index t_x on t(x);')
    const insert = setup.prepare('insert into t values (?)')
    for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} ${'x'.repeat(50)}`)
    setup.close()
    const bytes = fs.readFileSync(file)
    bytes.fill(0x5a, 4096 * 3, 4096 * 5) // scribble over two pages in the middle
    fs.writeFileSync(file, bytes)
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(DatabaseDamagedError)
  })

  it('takes an online backup that opens as a healthy copy with the same audit trail', async () => {
    const t = makeTestBackend()
    try {
      const { token } = await t.setupAdmin()
      const backup = await t.ok('system.backup', {}, token)
      const file = path.join(t.dataDir, 'backups', backup.file)
      expect(fs.existsSync(file)).toBe(true)
      const copy = new Database(file, { readonly: true })
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
      const users = copy.prepare('select username from users').all()
      expect(users).toEqual([{ username: 'ada' }])
      copy.close()
    } finally {
      t.dispose()
    }
  })
})
