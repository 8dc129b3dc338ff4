import fs from 'node:fs'
import path from 'node:path'
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api'
import type { DrizzleSQLiteSnapshotJSON } from 'drizzle-kit/api'
import { describe, expect, it } from 'vitest'
import * as schema from '../../src/main/db/schema'
import { migrationsFolder } from '../../src/main/resources-dir'

function latestSnapshot(): DrizzleSQLiteSnapshotJSON {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[]
  }
  const last = journal.entries.at(-1)
  if (!last) throw new Error('no migrations')
  const file = path.join(migrationsFolder, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DrizzleSQLiteSnapshotJSON
}

describe('schema and migrations', () => {
  it('agree: the drizzle schema needs no migration beyond the generated ones (run `npm run db:generate`)', async () => {
    const previous = latestSnapshot()
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>, previous.id)
    const pending = await generateSQLiteMigration(previous, current)
    expect(pending).toEqual([])
  })

  it('has a journal entry and a SQL file for every migration', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[]
    }
    const sqlFiles = fs
      .readdirSync(migrationsFolder)
      .filter((file) => file.endsWith('.sql'))
      .sort()
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(sqlFiles)
  })
})
