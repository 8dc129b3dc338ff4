import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api'
import type { DrizzleSQLiteSnapshotJSON } from 'drizzle-kit/api'
import { describe, expect, it } from 'vitest'
import * as schema from '../../src/main/db/schema'
import { openDatabase } from '../../src/main/db/database'
import type { Sqlite } from '../../src/main/db/database'
import { anyFacet, blocksCovering, facetOf, inTheWords } from '../../src/main/audit/audit-facets'
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

/** A database as an older installation had it: the migrations up to `lastTag` only. */
function databaseBefore(dataDir: string, lastTag: string): string {
  const folder = path.join(dataDir, 'old-migrations')
  fs.cpSync(migrationsFolder, folder, { recursive: true })
  const journalFile = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  const keep = journal.entries.findIndex((entry) => entry.tag === lastTag) + 1
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, keep) }))
  const file = path.join(dataDir, 'gatehouse.db')
  openDatabase({ file, migrationsFolder: folder }).close()
  return file
}

/**
 * A file migrated up to `lastTag` holding these audit entries (SQL values rows), then opened with
 * every migration; the check gets the migrated connection and a search of the audit index (seqs,
 * newest first).
 */
function withAuditTrailMigratedFrom(
  lastTag: string,
  entries: string,
  check: (sqlite: Sqlite, search: (match: string) => unknown[]) => void,
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-migration-'))
  try {
    const file = databaseBefore(dataDir, lastTag)
    const old = new Database(file)
    old.exec(
      `insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values ${entries}`,
    )
    old.close()
    const migrated = openDatabase({ file, migrationsFolder })
    try {
      const { sqlite } = migrated
      check(sqlite, (match) =>
        sqlite.prepare('select -rowid from audit_search where audit_search match ? order by rowid').pluck().all(match),
      )
    } finally {
      migrated.close()
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('the migration to hand-set service status (0004)', () => {
  it('turns the old hand-set occupancy values into "in service", keeps decisions, and keeps every reference', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-migration-'))
    try {
      const file = databaseBefore(dataDir, '0002_confined-space-entry')
      const old = new Database(file)
      old.exec(`
        insert into sites (id, code, name, created_at, updated_at) values (1, 'N', 'North', 0, 0);
        insert into spaces (id, site_id, tag, name, classification, status, created_at, updated_at) values
          (1, 1, 'A', 'A', 'permit_required', 'available', 0, 0),
          (2, 1, 'B', 'B', 'permit_required', 'in_use', 0, 0),
          (3, 1, 'C', 'C', 'permit_required', 'locked_out', 0, 0),
          (4, 1, 'D', 'D', 'permit_required', 'out_of_service', 0, 0);
        insert into gas_readings (taken_at, o2, instrument, taken_by_name, space_id, kind, source, recorded_at)
          values (0, 20.9, 'MX4', 'Tess', 2, 'pre_entry', 'manual', 0);
      `)
      old.close()
      const migrated = openDatabase({ file, migrationsFolder })
      try {
        const statuses = migrated.sqlite.prepare('select tag, status from spaces order by tag').all()
        expect(statuses).toEqual([
          { tag: 'A', status: 'in_service' },
          { tag: 'B', status: 'in_service' },
          { tag: 'C', status: 'locked_out' },
          { tag: 'D', status: 'out_of_service' },
        ])
        expect(migrated.sqlite.prepare('select space_id from gas_readings').all()).toEqual([{ space_id: 2 }])
        expect(migrated.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
        expect(migrated.sqlite.pragma('foreign_key_check')).toEqual([])
      } finally {
        migrated.close()
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('the migration to a list of the audit trail’s words (0022)', () => {
  it('lists the words of the trail it finds, and of every entry after, as the search index has them', () => {
    withAuditTrailMigratedFrom(
      '0021_datalog_imports',
      `(1, 0, null, 'Ada Lovelace', 'permit.created', 'permit', '7', null, '{"note":"Seeded valve"}', 'p', 'h1'),
       (2, 1, null, 'Grace Hopper', 'permit.closed', 'permit', '7', null, '{"note":"Valve shut"}', 'h1', 'h2')`,
      (sqlite, search) => {
        sqlite
          .prepare(
            "insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (3, 2, null, 'Edsger', 'permit.cancelled', 'permit', '8', null, '{\"note\":\"Seedling\"}', 'h2', 'h3')",
          )
          .run()
        expect(search('valve')).toEqual([2, 1])
        expect(search('permit')).toEqual([3, 2, 1])
        const words = (beginning: string) =>
          sqlite
            .prepare("select word from audit_words where word >= ? and word < ? || 'z'")
            .pluck()
            .all(beginning, beginning)
        expect(words('seed')).toEqual(['seeded', 'seedling'])
        expect(words('grace')).toEqual(['grace'])
        // The scratch table the trigger finds an entry's words in is left empty.
        expect(sqlite.prepare('select count(*) from audit_words_scratch_vocabulary').pluck().get()).toBe(0)
      },
    )
  })
})

describe('the migration to an audit search that holds each entry’s person, action and entity (0023)', () => {
  it('indexes the entries it finds and every entry after, so words and facets are searched together', () => {
    withAuditTrailMigratedFrom(
      '0022_audit_words',
      `(1, 0, 4, 'Ada Lovelace', 'permit.created', 'permit', '7', null, '{"note":"Valve"}', 'p', 'h1'),
       (2, 1, null, 'Gatehouse', 'permit.closed', 'permit', '7', null, '{"note":"Valve shut"}', 'h1', 'h2')`,
      (sqlite, search) => {
        sqlite
          .prepare(
            "insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (3, 2, 4, 'Ada Lovelace', 'user.created', 'user', '9', null, '{\"note\":\"Valve team\"}', 'h2', 'h3')",
          )
          .run()
        expect(search(inTheWords('valve'))).toEqual([3, 2, 1])
        expect(search(`${inTheWords('valve')} AND ${anyFacet([facetOf.person(4)])}`)).toEqual([3, 1])
        expect(search(`${inTheWords('valve')} AND ${anyFacet(['pnone'])}`)).toEqual([2])
        expect(search(anyFacet([facetOf.action('permit.closed'), facetOf.action('user.created')]))).toEqual([3, 2])
        expect(search(`${anyFacet([facetOf.entityType('permit')])} AND ${anyFacet([facetOf.entityId('7')])}`)).toEqual([
          2, 1,
        ])
        // Each entry's block of seqs (seq 1 to 255 lie in b8n0, b12n0, ...).
        expect(search(`${inTheWords('valve')} AND ${anyFacet(blocksCovering(2, 3))}`)).toEqual([3, 2, 1])
        // Typed words never reach the facets.
        expect(search(inTheWords('p4'))).toEqual([])
        // The list of words still grows with each entry, and holds no facet.
        expect(
          sqlite.prepare("select word from audit_words where word like 'tea%' or word like 'p4%'").pluck().all(),
        ).toEqual(['team'])
      },
    )
  })
})
