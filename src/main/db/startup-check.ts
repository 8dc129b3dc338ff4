import fs from 'node:fs'
import type { Sqlite } from './database'
import { missingGatehouseTables } from './database-file-check'

/**
 * The check Gatehouse makes before running on its database file, in time that does not grow with
 * the data (a few dozen page reads whatever the file's size):
 * - the file header (sqlite.org/fileformat.html#the_database_header): the magic string, a valid
 *   page size, the fixed payload fractions, and, when no write-ahead log is waiting to be replayed,
 *   a file exactly as long as the header's page count says (a truncated or padded file);
 * - the schema: sqlite_master parses and `pragma schema_version` reads;
 * - both edges of every table's b-tree: its first and its last row, a descent from the root to the
 *   leftmost and the rightmost leaf (a damaged root, a cut-off tail, a b-tree pointing outside the
 *   file);
 * - Gatehouse's own tables are there, so another program's database is never migrated into.
 *
 * What it cannot see: damage inside pages it does not read (a leaf in the middle of a table, an
 * index that disagrees with its table, the free-page list). Seeing that means reading every page,
 * which at 10 million readings takes seconds; so SQLite's full integrity_check runs on a schedule
 * (daily by default) and from the Admin page, in a worker thread, and its result is shown there.
 */
export type StartupVerdict =
  | { verdict: 'ok'; pages: number }
  | { verdict: 'new' }
  | { verdict: 'damaged'; problem: string }
  | { verdict: 'foreign'; problem: string }

const headerBytes = 100
const magic = 'SQLite format 3\u0000'

/** The header's findings: null when it is sound; `empty` for a file not yet written (a new installation). */
export function checkHeader(file: string): string | null | 'empty' {
  if (!fs.existsSync(file)) return 'empty'
  const size = fs.statSync(file).size
  if (size === 0) return 'empty'
  if (size < headerBytes) return `the file is ${String(size)} bytes, shorter than a database header`
  const header = Buffer.alloc(headerBytes)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, header, 0, headerBytes, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (header.toString('latin1', 0, 16) !== magic) return 'the file does not start with the SQLite header'
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0)
    return `the header gives an invalid page size (${String(rawPageSize)})`
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32)
    return 'the header’s fixed payload fractions are wrong'
  // The page count in the header counts only when written by a SQLite that keeps it (3.7.0 on).
  const pageCount = header.readUInt32BE(28)
  const countIsValid = pageCount > 0 && header.readUInt32BE(24) === header.readUInt32BE(92)
  // A log waiting to be replayed (after a crash, or while another process has the file open) may
  // grow or shrink the file when it is checkpointed, so only a file on its own must fit exactly.
  if (countIsValid && !hasContent(`${file}-wal`) && !hasContent(`${file}-journal`)) {
    const expected = pageCount * pageSize
    if (size !== expected)
      return `the file is ${String(size)} bytes but its header says ${String(pageCount)} pages of ${String(pageSize)} bytes (${String(expected)})`
  }
  return null
}

const hasContent = (file: string) => fs.existsSync(file) && fs.statSync(file).size > 0

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

interface Column {
  name: string | null
  desc: number
  coll: string
  key: number
}

/** Key columns in their b-tree's order (or against it); a column without a name is the rowid. */
const orderOf = (columns: readonly Column[], descending: boolean) =>
  columns
    .map((column) => {
      const direction = (column.desc === 1) !== descending ? 'desc' : 'asc'
      return column.name === null ? `rowid ${direction}` : `${quoted(column.name)} collate ${column.coll} ${direction}`
    })
    .join(', ')

/**
 * Queries that read the first and the last entry of each table and index: a descent from the
 * root to the leftmost and the rightmost leaf. WITHOUT ROWID tables are ordered by their primary
 * key; partial and expression indexes are left to the full check.
 */
function edgeQueries(sqlite: Sqlite): string[] {
  const queries: string[] = []
  const tables = (sqlite.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[]).filter(
    (table) => table.schema === 'main' && (table.type === 'table' || table.type === 'shadow'),
  )
  for (const table of tables) {
    const name = quoted(table.name)
    // A WITHOUT ROWID table's b-tree is its primary key's; index_xinfo of the table names its columns.
    const key =
      table.wr === 1
        ? (sqlite.pragma(`index_xinfo(${name})`) as Column[]).filter((column) => column.key === 1)
        : [{ name: null, desc: 0, coll: 'BINARY', key: 1 }]
    queries.push(`select * from ${name} order by ${orderOf(key, false)} limit 1`)
    queries.push(`select * from ${name} order by ${orderOf(key, true)} limit 1`)
    for (const index of sqlite.pragma(`index_list(${name})`) as { name: string; partial: number }[]) {
      if (index.partial === 1) continue
      const columns = (sqlite.pragma(`index_xinfo(${quoted(index.name)})`) as (Column & { cid: number })[]).filter(
        (column) => column.key === 1,
      )
      if (columns.some((column) => column.cid === -2)) continue
      const from = `${name} indexed by ${quoted(index.name)}`
      const selected = columns.map((column) => quoted(column.name ?? 'rowid')).join(', ')
      queries.push(`select ${selected} from ${from} order by ${orderOf(columns, false)} limit 1`)
      queries.push(`select ${selected} from ${from} order by ${orderOf(columns, true)} limit 1`)
    }
  }
  return queries
}

/** SQLite's word for a file it cannot read as a database: damage, not a mistake in a query. */
export function isDamage(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !('code' in error)) return false
  const code = String(error.code)
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ'
}

/**
 * Reads each edge, but only where SQLite reads it straight off the b-tree: a plan that sorts would
 * read everything. A query SQLite will not run on a b-tree (not damage) leaves it to the full check.
 */
function readTableEdges(sqlite: Sqlite): void {
  for (const sql of edgeQueries(sqlite)) {
    try {
      const plan = sqlite.prepare(`explain query plan ${sql}`).all() as { detail: string }[]
      if (plan.some((step) => step.detail.includes('TEMP B-TREE'))) continue
      sqlite.prepare(sql).all()
    } catch (error) {
      if (isDamage(error)) throw error
    }
  }
}

/** The bounded check of an opened file (see the top of this module); reads only. */
export function checkOpenedDatabase(sqlite: Sqlite): StartupVerdict {
  try {
    sqlite.pragma('schema_version')
    const tables = sqlite.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get() as number
    if (tables === 0) return { verdict: 'new' }
    readTableEdges(sqlite)
    const missing = missingGatehouseTables(sqlite)
    if (missing.length > 0) return { verdict: 'foreign', problem: `it has no ${missing.join(' or ')} table` }
    return { verdict: 'ok', pages: sqlite.pragma('page_count', { simple: true }) as number }
  } catch (error) {
    // Anything else (a lock held too long, a full disk) is not the file's fault: start-up says so as it is.
    if (isDamage(error)) return { verdict: 'damaged', problem: error.message }
    throw error
  }
}
