import Database from 'better-sqlite3'
import type { AuditFilter } from '../../src/shared/contract/audit'
import type { TestBackend } from './test-backend'

/** An audit entry as the model reads it, straight from the file. */
export interface AuditRow {
  seq: number
  at: number
  actorId: number | null
  action: string
  entityType: string
  entityId: string | null
  actorName: string
  before: string | null
  after: string | null
}

export function readAuditRows(databaseFile: string): AuditRow[] {
  const sqlite = new Database(databaseFile, { readonly: true })
  try {
    return sqlite
      .prepare(
        'select seq, at, actor_id as actorId, action, entity_type as entityType, entity_id as entityId, actor_name as actorName, before, after from audit_entries order by seq',
      )
      .all() as AuditRow[]
  } finally {
    sqlite.close()
  }
}

/** FTS5's unicode61 words: letters and digits, lower-cased. A typed word matches a whole word, or with `*` its beginning, whatever its case. */
const tokensOf = (row: AuditRow) =>
  [row.action, row.actorName, row.entityType, row.entityId ?? '', row.before ?? '', row.after ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** The filter, written the plain way: the seqs every page together must hold, newest first. */
export function expectedSeqs(rows: readonly AuditRow[], filter: AuditFilter): number[] {
  return rows
    .filter(
      (row) =>
        (filter.actorId === undefined || row.actorId === filter.actorId) &&
        (filter.action === undefined || row.action === filter.action || row.action.startsWith(`${filter.action}.`)) &&
        (filter.entityType === undefined || row.entityType === filter.entityType) &&
        (filter.entityId === undefined || row.entityId === filter.entityId) &&
        (filter.from === undefined || row.at >= filter.from) &&
        (filter.to === undefined || row.at <= filter.to) &&
        (filter.text === undefined ||
          filter.text
            .toLowerCase()
            .split(' ')
            .every((word) =>
              tokensOf(row).some((token) =>
                word.endsWith('*') ? token.startsWith(word.slice(0, -1)) : token === word,
              ),
            )),
    )
    .map((row) => row.seq)
    .reverse()
}

/** The seqs of every page `audit.list` gives for the filter, following nextBeforeSeq to the end. */
export async function seqsOfEveryPage(t: TestBackend, token: string, filter: AuditFilter, limit: number) {
  const seqs: number[] = []
  let beforeSeq: number | undefined
  // Bounded, so a paging that never ends fails the test instead of hanging it.
  for (let page = 0; page < 100_000; page += 1) {
    const answer = await t.ok('audit.list', { limit, filter, ...(beforeSeq ? { beforeSeq } : {}) }, token)
    seqs.push(...answer.items.map((item) => item.seq))
    if (answer.nextBeforeSeq === null) return seqs
    beforeSeq = answer.nextBeforeSeq
  }
  throw new Error('audit.list paged without end')
}
