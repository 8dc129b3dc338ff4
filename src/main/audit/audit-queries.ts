import type { AuditFilter } from '../../shared/contract/audit'
import { auditWords } from '../../shared/domain/audit-words'
import type { Sqlite } from '../db/database'
import { anyFacet, blocksCovering, facetOf, inTheWords } from './audit-facets'
import type { AuditEntryRow } from './audit-repository'

const columns =
  'e.seq, e.at, e.actor_id as actorId, e.actor_name as actorName, e.action, e.entity_type as entityType, e.entity_id as entityId, e.before, e.after, e.prev_hash as prevHash, e.hash'

/** A typed word's beginning is looked up among the words the trail holds when it is plain letters and digits. */
const plainBeginning = /^[a-z0-9]+$/

/** A word's beginning searched as the words it begins, while there are at most this many. */
const mostWordsForABeginning = 64

/** The words of the trail that begin so, up to one more than the most a search spells out. */
export type WordsBeginning = (beginning: string) => string[]

const quotedWord = (word: string) => `"${word.replace(/"/g, '""')}"`

/**
 * An FTS5 query from what a person typed: every word must occur as a whole word; a word ending in
 * `*` matches the words it begins. A beginning is spelled out as the words it begins (`seed*`
 * becomes `("seeded" OR "seedling")`), which FTS5 merges lazily and stops after a page, where its
 * own prefix search first gathers every entry of every such word. Beginnings it would take more
 * than 64 words to spell out, or that are not plain letters and digits (whose folding to FTS5's
 * words only FTS5 knows), are left to FTS5's prefix search. `nothing`: a beginning no word has, so
 * nothing can match.
 */
export function searchExpression(text: string, wordsBeginning: WordsBeginning): string | null | 'nothing' {
  const words = text.match(/[\p{L}\p{N}_-]+\*?/gu) ?? []
  if (words.length === 0) return null
  const parts: string[] = []
  for (const word of words) {
    const bare = word.endsWith('*') ? word.slice(0, -1) : null
    if (bare === null) {
      parts.push(quotedWord(word))
      continue
    }
    const beginning = bare.toLowerCase()
    const begun = plainBeginning.test(beginning) ? wordsBeginning(beginning) : null
    if (begun && begun.length === 0) return 'nothing'
    parts.push(
      begun && begun.length <= mostWordsForABeginning
        ? `(${begun.map(quotedWord).join(' OR ')})`
        : `${quotedWord(bare)}*`,
    )
  }
  // Explicit AND: FTS5 puts nothing implicit between a word and a bracketed group.
  return parts.join(' AND ')
}

/** The words of the trail beginning so (audit_words, kept by the trigger that indexes each entry). */
export function wordsBeginningIn(sqlite: Sqlite): WordsBeginning {
  const statement = sqlite
    .prepare('select word from audit_words where word >= ? and word < ? order by word limit ?')
    .pluck()
  // Plain letters and digits only, so the next character code bounds every word that begins so.
  const after = (beginning: string) =>
    beginning.slice(0, -1) + String.fromCharCode(beginning.charCodeAt(beginning.length - 1) + 1)
  return (beginning) => statement.all(beginning, after(beginning), mostWordsForABeginning + 1) as string[]
}

/**
 * The actions a filter names: one exact action, or every action of a family (`permit`,
 * `access.request`), from the table of actions Gatehouse writes. Each is read through its own
 * index in sequence order and the streams merged, so a page never sorts a whole family.
 */
export function actionsOf(action: string): string[] {
  const family = Object.keys(auditWords).filter((known) => known.startsWith(`${action}.`))
  return family.length > 0 ? family : [action]
}

/** The sequence numbers a time range covers: times follow commit order, so the range is one seq span. */
function seqSpan(sqlite: Sqlite, from: number | undefined, to: number | undefined) {
  const first =
    from === undefined
      ? 1
      : ((sqlite.prepare('select seq from audit_entries where at >= ? order by at, seq limit 1').pluck().get(from) as
          number | undefined) ?? Number.MAX_SAFE_INTEGER)
  const last =
    to === undefined
      ? Number.MAX_SAFE_INTEGER
      : ((sqlite
          .prepare('select seq from audit_entries where at <= ? order by at desc, seq desc limit 1')
          .pluck()
          .get(to) as number | undefined) ?? 0)
  return { first, last }
}

interface AuditQuery {
  from: string
  where: string[]
  params: Record<string, unknown>
  order: string
  actions: string[] | null
}

/**
 * The FTS5 query for a filter with words: the words, and the person, actions and entity as facet
 * words, so FTS5 intersects the lists itself rather than SQLite checking each entry of the words.
 */
function facetedSearch(words: string, filter: AuditFilter, actions: string[] | null, blocks: string[] | null): string {
  const parts = [inTheWords(words)]
  if (blocks) parts.push(anyFacet(blocks))
  if (filter.actorId !== undefined) parts.push(anyFacet([facetOf.person(filter.actorId)]))
  if (actions) parts.push(anyFacet(actions.map(facetOf.action)))
  if (filter.entityType) parts.push(anyFacet([facetOf.entityType(filter.entityType)]))
  if (filter.entityId) parts.push(anyFacet([facetOf.entityId(filter.entityId)]))
  return parts.join(' AND ')
}

/**
 * The seq blocks of the span [first, below) when it is not the whole trail: FTS5 honours a rowid
 * range by reading its lists from the start, but seeks through an OR of a few block words.
 */
function seqBlocks(sqlite: Sqlite, first: number, below: number): string[] | null {
  const head = (sqlite.prepare('select max(seq) from audit_entries').pluck().get() as number | null) ?? 0
  const last = Math.min(below - 1, head)
  // The whole trail, or a span past its head (the entry's own seq conditions leave nothing).
  if ((first <= 1 && last >= head) || last < first) return null
  return blocksCovering(first, last)
}

/** The parts of the filter as SQL over the seq span below `beforeSeq`; null when nothing can match. */
function auditQuery(sqlite: Sqlite, filter: AuditFilter, beforeSeq: number | undefined): AuditQuery | null {
  const span = seqSpan(sqlite, filter.from, filter.to)
  const below = Math.min(beforeSeq ?? Number.MAX_SAFE_INTEGER, span.last + 1)
  if (below <= span.first) return null
  const words = filter.text ? searchExpression(filter.text, wordsBeginningIn(sqlite)) : null
  if (words === 'nothing') return null
  const actions = filter.action ? actionsOf(filter.action) : null
  const where = ['e.seq < @below', 'e.seq >= @first']
  const params: Record<string, unknown> = { below, first: span.first }
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return
    where.push(clause)
    params[name] = value
  }
  add('e.at >= @from', 'from', filter.from)
  add('e.at <= @to', 'to', filter.to)
  add('e.actor_id = @actorId', 'actorId', filter.actorId)
  add('e.entity_type = @entityType', 'entityType', filter.entityType)
  add('e.entity_id = @entityId', 'entityId', filter.entityId)
  if (!words) return { from: 'audit_entries e', where, params, order: 'e.seq DESC', actions }
  // With words, FTS5 answers every part; the conditions on the entry stay as its second check.
  add(`e.action IN (SELECT value FROM json_each(@actions))`, 'actions', actions ? JSON.stringify(actions) : undefined)
  add(
    'audit_search MATCH @search',
    'search',
    facetedSearch(words, filter, actions, seqBlocks(sqlite, span.first, below)),
  )
  // The index's rowid is -seq (migration 0023): newest first is ascending, read fastest. CROSS JOIN
  // keeps FTS5 driving: reading a person's entries and asking FTS5 about each one is far slower.
  return {
    from: 'audit_search s CROSS JOIN audit_entries e ON e.seq = -s.rowid',
    where,
    params,
    order: 's.rowid',
    actions: null,
  }
}

/**
 * One page of the trail, newest first, below `beforeSeq`, holding every part of the filter. Each
 * part reads an index in sequence order (person, action, entity; the FTS5 index for text; a time
 * range becomes a span of sequence numbers), so a page reads little more than its own rows.
 */
export function listAudit(sqlite: Sqlite, filter: AuditFilter, limit: number, beforeSeq?: number): AuditEntryRow[] {
  const query = auditQuery(sqlite, filter, beforeSeq)
  if (!query) return []
  const page = (action: string | null) =>
    sqlite
      .prepare(
        `SELECT ${columns} FROM ${query.from} WHERE ${[...query.where, ...(action === null ? [] : ['e.action = @action'])].join(' AND ')} ORDER BY ${query.order} LIMIT @limit`,
      )
      .all({ ...query.params, limit, ...(action === null ? {} : { action }) }) as AuditEntryRow[]
  if (!query.actions) return page(null)
  return query.actions
    .flatMap(page)
    .sort((a, b) => b.seq - a.seq)
    .slice(0, limit)
}

/** How many entries the filter holds below `beforeSeq`: the total of an export's progress bar. */
export function countAudit(sqlite: Sqlite, filter: AuditFilter, beforeSeq?: number): number {
  const query = auditQuery(sqlite, filter, beforeSeq)
  if (!query) return 0
  const actions = query.actions ?? []
  const inActions = actions.length > 0 ? ['e.action IN (SELECT value FROM json_each(@actions))'] : []
  return sqlite
    .prepare(`SELECT count(*) FROM ${query.from} WHERE ${[...query.where, ...inActions].join(' AND ')}`)
    .pluck()
    .get({ ...query.params, ...(actions.length > 0 ? { actions: JSON.stringify(actions) } : {}) }) as number
}

export const auditEntryAt = (sqlite: Sqlite, seq: number): AuditEntryRow | undefined =>
  sqlite.prepare(`SELECT ${columns} FROM audit_entries e WHERE e.seq = ?`).get(seq) as AuditEntryRow | undefined
