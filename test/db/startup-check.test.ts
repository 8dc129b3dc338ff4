import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseDamagedError, ForeignDatabaseError, openDatabase } from '../../src/main/db/database'
import { startFullCheck } from '../../src/main/db/full-check'
import { migrationsFolder } from '../../src/main/resources-dir'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-startup-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A migrated Gatehouse file, closed cleanly (its log checkpointed into it). */
function gatehouseFile(fill?: (sqlite: Database.Database) => void): string {
  const file = path.join(tempDir(), 'gatehouse.db')
  const opened = openDatabase({ file, migrationsFolder })
  if (fill) {
    opened.sqlite.pragma('foreign_keys = OFF')
    fill(opened.sqlite)
  }
  opened.close()
  return file
}

const open = (file: string) => openDatabase({ file, migrationsFolder })

/** Writes `bytes` at `offset`, as a disk or a stray program would. */
function scribble(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, offset)
  } finally {
    fs.closeSync(fd)
  }
}

/** 40,000 readings of one monitor, one a second, in key order: a few hundred leaf pages. */
const manyReadings = (sqlite: Database.Database) =>
  sqlite.exec(`
    insert into monitor_readings (permit_id, instrument_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags)
    with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < 40000)
    select 1, 1, 1800000000000 + i * 1000, 150, 2090 + i % 7, i % 11, i % 13, i % 17, 0 from n`)

describe('the start-up check', () => {
  it('opens a healthy Gatehouse file and says how long its check took and how many pages it saw', () => {
    const file = gatehouseFile(manyReadings)
    const opened = open(file)
    try {
      expect(opened.startupCheck.pages).toBe(opened.sqlite.pragma('page_count', { simple: true }))
      expect(opened.startupCheck.durationMs).toBeGreaterThan(0)
    } finally {
      opened.close()
    }
  })

  it('refuses a file whose header was overwritten: the magic string, the page size, the page count', () => {
    const magic = gatehouseFile()
    scribble(magic, 0, Buffer.from('SQLite format 4'))
    expect(() => open(magic)).toThrow(DatabaseDamagedError)
    expect(() => open(magic)).toThrow(/does not start with the SQLite header.*restore the latest backup/s)

    const pageSize = gatehouseFile()
    scribble(pageSize, 16, Buffer.from([0x03, 0x00])) // 768: not a power of two
    expect(() => open(pageSize)).toThrow(/invalid page size \(768\)/)

    const truncated = gatehouseFile()
    fs.truncateSync(truncated, fs.statSync(truncated).size - 4096)
    expect(() => open(truncated)).toThrow(DatabaseDamagedError)
    expect(() => open(truncated)).toThrow(/its header says \d+ pages of 4096 bytes/)
  })

  it('refuses a healthy SQLite file of another program, and writes nothing to it', () => {
    const file = path.join(tempDir(), 'gatehouse.db')
    const other = new Database(file)
    other.exec('create table invoices(id integer primary key, total real); insert into invoices values (1, 9.5)')
    other.close()
    const before = fs.readFileSync(file)
    expect(() => open(file)).toThrow(ForeignDatabaseError)
    expect(() => open(file)).toThrow(
      /not a Gatehouse database \(it has no __drizzle_migrations or audit_entries table\)/,
    )
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a table whose first or last leaf is damaged', () => {
    const file = gatehouseFile(manyReadings)
    const sqlite = new Database(file, { readonly: true })
    const leaves = sqlite
      .prepare("select pageno from dbstat where name = 'monitor_readings' and pagetype = 'leaf' order by path")
      .pluck()
      .all() as number[]
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number
    sqlite.close()
    const last = leaves.at(-1) ?? 0
    scribble(file, (last - 1) * pageSize, Buffer.alloc(pageSize, 0x5a))
    expect(() => open(file)).toThrow(DatabaseDamagedError)
  })

  it('passes a file damaged deep inside a big table, which the full check then finds', async () => {
    const file = gatehouseFile(manyReadings)
    const sqlite = new Database(file, { readonly: true })
    const leaves = sqlite
      .prepare("select pageno from dbstat where name = 'monitor_readings' and pagetype = 'leaf' order by path")
      .pluck()
      .all() as number[]
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number
    sqlite.close()
    expect(leaves.length).toBeGreaterThan(100)
    const middle = leaves[Math.floor(leaves.length / 2)] ?? 0
    scribble(file, (middle - 1) * pageSize, Buffer.alloc(pageSize, 0x5a))

    // Bounded: start-up reads the edges of each b-tree, not a leaf in the middle.
    open(file).close()
    const outcome = await startFullCheck({ file }).done
    expect(outcome.verdict.verdict).toBe('damaged')
    expect(outcome.verdict.verdict === 'damaged' ? outcome.verdict.problem : '').toMatch(
      new RegExp(`page ${String(middle)}`, 'i'),
    )
  })
})
