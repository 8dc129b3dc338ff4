import type { Sqlite } from '../db/database'
import { sha256 } from './audit-chain'

/**
 * The canonical form of each entry, written by SQLite itself: json_quote writes a string exactly as
 * JSON.stringify does (RFC 8785's rule for strings), so this is canonicalAuditContent's text (a
 * property test holds the two equal), built in C instead of in JavaScript: verification reads a
 * million entries, and the row's eight strings never need to become JavaScript values.
 */
export const canonicalSql = `'{"action":' || json_quote(action) || ',"actorId":' || coalesce(actor_id, 'null') || ',"actorName":' || json_quote(actor_name) || ',"after":' || json_quote(after) || ',"at":' || at || ',"before":' || json_quote(before) || ',"entityId":' || json_quote(entity_id) || ',"entityType":' || json_quote(entity_type) || ',"prevHash":' || json_quote(prev_hash) || ',"seq":' || seq || '}'`

const chunkSize = 20_000

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
 */
export function chainWalker(
  sqlite: Sqlite,
  afterSeq: number,
  upToSeq: number,
  before: { seq: number; hash: string } | null,
) {
  const chunk = sqlite
    .prepare(
      `select seq, prev_hash, hash, ${canonicalSql} from audit_entries where seq > ? and seq <= ? order by seq limit ?`,
    )
    .raw(true)
  const walked: StretchWalked = { checked: 0, first: null, last: before, firstBroken: null }
  let previous: { seq: number; hash: string | null } = { seq: afterSeq, hash: before?.hash ?? null }
  let done = afterSeq >= upToSeq
  return {
    walked,
    /** Walks one chunk; false once the stretch is walked or broken. */
    step(): boolean {
      if (done) return false
      const rows = chunk.all(previous.seq, upToSeq, chunkSize) as Row[]
      for (const [seq, prevHash, hash, canonical] of rows) {
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
          done = true
          return false
        }
        previous = { seq, hash }
        walked.last = { seq, hash }
        walked.checked += 1
      }
      if (rows.length < chunkSize) {
        // Entries up to upToSeq that are not there: the stretch ends early.
        if (previous.seq < upToSeq)
          walked.firstBroken = { seq: previous.seq + 1, reason: `entry ${String(previous.seq + 1)} is missing` }
        done = true
      }
      return !done
    },
  }
}
