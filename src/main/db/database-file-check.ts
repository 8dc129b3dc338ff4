import type { Sqlite } from './database'

/** What a SQLite file offered as a Gatehouse database turned out to be. */
export type FileVerdict =
  { verdict: 'ok' } | { verdict: 'damaged'; problem: string } | { verdict: 'foreign'; problem: string }

/** Without these a file holds no Gatehouse history: the schema state and the audit chain. */
const gatehouseTables = ['__drizzle_migrations', 'audit_entries'] as const

/** The Gatehouse tables a file lacks; none missing means it is Gatehouse's. */
export function missingGatehouseTables(sqlite: Sqlite): string[] {
  const present = new Set(
    sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name in (${gatehouseTables.map(() => '?').join(', ')})`,
      )
      .pluck()
      .all(...gatehouseTables) as string[],
  )
  return gatehouseTables.filter((table) => !present.has(table))
}

/**
 * The integrity check's first row. Its b-tree findings come first; the constraint checks after
 * them read tables the ordinary way and stop the statement on the same damage, so a row already
 * given is kept rather than lost to that error.
 */
function firstFinding(sqlite: Sqlite): string {
  let first: string | undefined
  try {
    for (const row of sqlite.prepare('pragma integrity_check').iterate() as Iterable<{ integrity_check: string }>) {
      first = row.integrity_check
      break
    }
  } catch (error) {
    if (first === undefined) throw error
  }
  return first ?? 'the integrity check returned nothing'
}

/**
 * SQLite's full integrity check (every page, every index against its table), then whether the
 * file is Gatehouse's at all. Reads only; the caller opens (read-only) and closes. A file that is
 * not SQLite fails its first read, which counts as damage.
 */
export function checkDatabaseFile(sqlite: Sqlite): FileVerdict {
  try {
    const first = firstFinding(sqlite)
    if (first !== 'ok') return { verdict: 'damaged', problem: first }
    const missing = missingGatehouseTables(sqlite)
    if (missing.length > 0)
      return { verdict: 'foreign', problem: `not a Gatehouse database: it has no ${missing.join(' or ')} table` }
    return { verdict: 'ok' }
  } catch (error) {
    return { verdict: 'damaged', problem: error instanceof Error ? error.message : String(error) }
  }
}

/** The verdict as one line for the backups table: `ok` or the first problem. */
export const integrityText = (verdict: FileVerdict) => (verdict.verdict === 'ok' ? 'ok' : verdict.problem)
