import type { Sqlite } from './database'

/** What a SQLite file offered as a Gatehouse database turned out to be. */
export type FileVerdict =
  { verdict: 'ok' } | { verdict: 'damaged'; problem: string } | { verdict: 'foreign'; problem: string }

/** Without these a file holds no Gatehouse history: the schema state and the audit chain. */
const gatehouseTables = ['__drizzle_migrations', 'audit_entries'] as const

/**
 * SQLite's full integrity check (every page, every index against its table), then whether the
 * file is Gatehouse's at all. Reads only; the caller opens (read-only) and closes. A file that is
 * not SQLite fails its first read, which counts as damage.
 */
export function checkDatabaseFile(sqlite: Sqlite): FileVerdict {
  try {
    const rows = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]
    const first = rows[0]?.integrity_check ?? 'the integrity check returned nothing'
    if (first !== 'ok') return { verdict: 'damaged', problem: first }
    const present = new Set(
      sqlite
        .prepare(
          `select name from sqlite_master where type = 'table' and name in (${gatehouseTables.map(() => '?').join(', ')})`,
        )
        .pluck()
        .all(...gatehouseTables) as string[],
    )
    const missing = gatehouseTables.filter((table) => !present.has(table))
    if (missing.length > 0)
      return { verdict: 'foreign', problem: `not a Gatehouse database: it has no ${missing.join(' or ')} table` }
    return { verdict: 'ok' }
  } catch (error) {
    return { verdict: 'damaged', problem: error instanceof Error ? error.message : String(error) }
  }
}

/** The verdict as one line for the backups table: `ok` or the first problem. */
export const integrityText = (verdict: FileVerdict) => (verdict.verdict === 'ok' ? 'ok' : verdict.problem)
