import type { Sqlite } from '../db/database'
import { sha256 } from './audit-chain'

/**
 * The canonical form of each entry, written by SQLite itself: json_object writes its keys in the
 * order given (here RFC 8785's, code-unit order), integers as decimals and strings exactly as
 * JSON.stringify does, so this is canonicalAuditContent's text (a property test holds the two
 * equal), built in C instead of in JavaScript: verification reads a million entries, and the
 * row's eight strings never need to become JavaScript values.
 */
export const canonicalSql = `json_object('action', action, 'actorId', actor_id, 'actorName', actor_name, 'after', after, 'at', at, 'before', before, 'entityId', entity_id, 'entityType', entity_type, 'prevHash', prev_hash, 'seq', seq)`

/**
 * Entries per step: enough that a step's fixed costs vanish, few enough that a chunk's texts (about
 * 300 bytes an entry) stay in the processor's cache while they are hashed: 2,000 walked a million
 * entries in 1.6 s on one thread where 20,000 took 2.0 s.
 */
export const defaultChunkSize = 2_000

/**
 * Separates entries in a chunk's texts: a control character (record separator), which JSON text
 * always escapes, so it never occurs inside an entry's canonical form.
 */
const entrySeparator = 0x1e

/** Each entry's SHA-256 (hex) from a chunk's canonical texts, as UTF-8 bytes joined by the separator. */
function hashesOf(texts: Buffer): string[] {
  const hashes: string[] = []
  for (let start = 0; start <= texts.length;) {
    const found = texts.indexOf(entrySeparator, start)
    const end = found === -1 ? texts.length : found
    hashes.push(sha256(texts.subarray(start, end)))
    start = end + 1
  }
  return hashes
}

type Row = [seq: number, prevHash: string, hash: string, canonical: string]

/** What walking one stretch of the chain found. */
export interface StretchWalked {
  /** Entries whose hash (and, but for the first, link) held, before any break. */
  checked: number
  /** The stretch's first entry and the hash it says came before it: the joint with the stretch before. */
  first: { seq: number; prevHash: string } | null
  /** The last entry that held. */
  last: { seq: number; hash: string } | null
  firstBroken: { seq: number; reason: string } | null
}

/**
 * Walks the entries after `afterSeq` up to `upToSeq` a chunk per step: each must follow the one
 * before without a gap, link to its hash, and hash to its own. The first entry's link is left to
 * the caller (the stretch before may be walked elsewhere, in another thread), unless `before`
 * gives the entry it must link to.
 *
 * A chunk is first checked whole: SQLite hands over its count, its links, its hashes and its
 * canonical texts as four strings (a row each costs more than hashing it), and the chunk holds
 * when every hash computed equals the one stored and every link equals the hash before it. On any
 * doubt (a gap, a mismatch, an odd value, an error) the chunk is walked again entry by entry, in
 * order of seq, which finds and names the first break: the whole-chunk check only ever says yes.
 */
export function chainWalker(
  sqlite: Sqlite,
  afterSeq: number,
  upToSeq: number,
  before: { seq: number; hash: string } | null,
  chunkSize = defaultChunkSize,
) {
  const wholeChunk = sqlite
    .prepare(
      `select count(*), group_concat(prev_hash, ','), group_concat(hash, ','), cast(group_concat(${canonicalSql}, char(${entrySeparator})) as blob)
         from audit_entries where seq > ? and seq <= ?`,
    )
    .raw(true)
  const rowByRow = sqlite
    .prepare(`select seq, prev_hash, hash, ${canonicalSql} from audit_entries where seq > ? and seq <= ? order by seq`)
    .raw(true)
  const nextSeq = sqlite.prepare('select min(seq) from audit_entries where seq > ?').pluck()
  const walked: StretchWalked = { checked: 0, first: null, last: before, firstBroken: null }
  let previous: { seq: number; hash: string | null } = { seq: afterSeq, hash: before?.hash ?? null }
  let done = afterSeq >= upToSeq

  /** The chunk (previous.seq, upper] checked whole; true when it held and was taken. */
  function tookWhole(upper: number): boolean {
    // The texts as bytes: they are hashed as UTF-8 anyway, and need never become JavaScript strings.
    let chunk: [number, string | null, string | null, Buffer | null]
    try {
      chunk = wholeChunk.get(previous.seq, upper) as typeof chunk
    } catch {
      return false // a value SQLite cannot write as JSON: the row walk names the entry
    }
    const [count, links, hashes, texts] = chunk
    // seq is the table's integer key, so as many entries as the range is long means none is missing.
    if (count !== upper - previous.seq || links === null || hashes === null || texts === null) return false
    const computed = hashesOf(texts)
    if (computed.length !== count) return false
    // Joined by a comma, which no computed hash holds: equal strings mean each stored hash is its own.
    if (computed.join(',') !== hashes) return false
    const linksAfterFirst = count > 1 ? `,${computed.slice(0, -1).join(',')}` : ''
    if (!links.endsWith(linksAfterFirst)) return false
    const firstLink = links.slice(0, links.length - linksAfterFirst.length)
    // A comma in the first link would shift every link after it by one.
    if (firstLink.includes(',') || (previous.hash !== null && firstLink !== previous.hash)) return false
    walked.first ??= { seq: previous.seq + 1, prevHash: firstLink }
    const last = computed[computed.length - 1] ?? ''
    previous = { seq: upper, hash: last }
    walked.last = { seq: upper, hash: last }
    walked.checked += count
    return true
  }

  /** The chunk (previous.seq, upper] entry by entry, up to its first break. */
  function walkRows(upper: number): void {
    try {
      for (const row of rowByRow.iterate(previous.seq, upper) as IterableIterator<Row>) if (!tookRow(row)) return
    } catch {
      // SQLite could not write the next entry as JSON: a value that is neither text nor a number.
      const next = nextSeq.get(previous.seq) as number | null
      walked.firstBroken =
        next === previous.seq + 1
          ? { seq: next, reason: 'its content cannot be read as text' }
          : { seq: previous.seq + 1, reason: `entry ${String(previous.seq + 1)} is missing` }
      return
    }
    // Entries up to the chunk's end that are not there.
    if (previous.seq < upper)
      walked.firstBroken = { seq: previous.seq + 1, reason: `entry ${String(previous.seq + 1)} is missing` }
  }

  /** One entry after the one before; false, with the break noted, when it does not hold. */
  function tookRow([seq, prevHash, hash, canonical]: Row): boolean {
    walked.first ??= { seq, prevHash }
    const reason =
      seq !== previous.seq + 1
        ? `entry ${String(previous.seq + 1)} is missing`
        : previous.hash !== null && prevHash !== previous.hash
          ? 'its link to the previous entry does not match'
          : sha256(canonical) !== hash
            ? 'its content does not match its hash'
            : null
    if (reason) {
      walked.firstBroken = { seq: reason.startsWith('entry ') ? previous.seq + 1 : seq, reason }
      return false
    }
    previous = { seq, hash }
    walked.last = { seq, hash }
    walked.checked += 1
    return true
  }

  return {
    walked,
    /** Walks one chunk; false once the stretch is walked or broken. */
    step(): boolean {
      if (done) return false
      const upper = Math.min(previous.seq + chunkSize, upToSeq)
      if (!tookWhole(upper)) walkRows(upper)
      done = walked.firstBroken !== null || previous.seq >= upToSeq
      return !done
    },
  }
}
