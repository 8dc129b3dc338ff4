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
 * 300 bytes an entry) stay in the processor's cache while they are hashed. A million entries, two
 * threads taking turns with each size: 1,000 and 700 a chunk about 1,055,000 entries/s, 1,500
 * 1,039,000, 2,000 1,015,000, 3,000 923,000; one thread, 20,000 took 2.0 s where 2,000 took 1.6 s.
 */
export const defaultChunkSize = 1_000

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

/** The break where entry `seq` should be and is not. */
export const missingEntry = (seq: number) => ({ seq, reason: `entry ${String(seq)} is missing` })

type Row = [seq: number, prevHash: string, hash: string, canonical: string]

/** What walking one chunk of the chain found. */
export interface ChunkWalked {
  /** Entries whose hash (and, but for the first, link) held, before any break. */
  checked: number
  /** The chunk's first entry and the hash it says came before it: the joint with the chunk before. */
  first: { seq: number; prevHash: string } | null
  /** The last entry that held. */
  last: { seq: number; hash: string } | null
  firstBroken: { seq: number; reason: string } | null
}

/**
 * Prepares, once per connection, the walk of one chunk of the chain: the entries after `afterSeq`
 * up to `upToSeq` must each follow the one before without a gap, link to its hash, and hash to its
 * own. The chunk's first link is left to whoever joins the chunks (the chunk before may be walked
 * in another thread).
 *
 * A chunk is first checked whole: SQLite hands over its count, its links, its hashes and its
 * canonical texts as four strings (a row each costs more than hashing it), and the chunk holds
 * when every hash computed equals the one stored and every link equals the hash before it. On any
 * doubt (a gap, a mismatch, an odd value, an error) the chunk is walked again entry by entry, in
 * order of seq, which finds and names the first break: the whole-chunk check only ever says yes.
 */
export function chunkWalker(sqlite: Sqlite): (afterSeq: number, upToSeq: number) => ChunkWalked {
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

  /** The chunk checked whole; null when in any doubt. */
  function wholeWalk(afterSeq: number, upToSeq: number): ChunkWalked | null {
    // The texts as bytes: they are hashed as UTF-8 anyway, and need never become JavaScript strings.
    let chunk: [number, string | null, string | null, Buffer | null]
    try {
      chunk = wholeChunk.get(afterSeq, upToSeq) as typeof chunk
    } catch {
      return null // a value SQLite cannot write as JSON: the row walk names the entry
    }
    const [count, links, hashes, texts] = chunk
    // seq is the table's integer key, so as many entries as the range is long means none is missing.
    if (count !== upToSeq - afterSeq || links === null || hashes === null || texts === null) return null
    const computed = hashesOf(texts)
    if (computed.length !== count) return null
    // Joined by a comma, which no computed hash holds: equal strings mean each stored hash is its own.
    if (computed.join(',') !== hashes) return null
    const linksAfterFirst = count > 1 ? `,${computed.slice(0, -1).join(',')}` : ''
    if (!links.endsWith(linksAfterFirst)) return null
    const firstLink = links.slice(0, links.length - linksAfterFirst.length)
    // A comma in the first link would shift every link after it by one.
    if (firstLink.includes(',')) return null
    return {
      checked: count,
      first: { seq: afterSeq + 1, prevHash: firstLink },
      last: { seq: upToSeq, hash: computed[computed.length - 1] ?? '' },
      firstBroken: null,
    }
  }

  /** The chunk entry by entry, up to its first break. */
  function rowWalk(afterSeq: number, upToSeq: number): ChunkWalked {
    const walked: ChunkWalked = { checked: 0, first: null, last: null, firstBroken: null }
    let previous: { seq: number; hash: string | null } = { seq: afterSeq, hash: null }
    const broken = (firstBroken: NonNullable<ChunkWalked['firstBroken']>) => {
      walked.firstBroken = firstBroken
      return walked
    }
    const missing = () => broken(missingEntry(previous.seq + 1))
    try {
      for (const [seq, prevHash, hash, canonical] of rowByRow.iterate(afterSeq, upToSeq) as IterableIterator<Row>) {
        walked.first ??= { seq, prevHash }
        if (seq !== previous.seq + 1) return missing()
        if (previous.hash !== null && prevHash !== previous.hash)
          return broken({ seq, reason: 'its link to the previous entry does not match' })
        if (sha256(canonical) !== hash) return broken({ seq, reason: 'its content does not match its hash' })
        previous = { seq, hash }
        walked.last = { seq, hash }
        walked.checked += 1
      }
    } catch {
      // SQLite could not write the next entry as JSON: a value that is neither text nor a number.
      const next = nextSeq.get(previous.seq) as number | null
      return next === previous.seq + 1 ? broken({ seq: next, reason: 'its content cannot be read as text' }) : missing()
    }
    // Entries up to the chunk's end that are not there.
    return previous.seq < upToSeq ? missing() : walked
  }

  return (afterSeq, upToSeq) => wholeWalk(afterSeq, upToSeq) ?? rowWalk(afterSeq, upToSeq)
}
