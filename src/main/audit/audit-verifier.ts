import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { AuditVerification } from '../../shared/contract/audit'
import type { Sqlite } from '../db/database'
import { genesisHash, sha256 } from './audit-chain'
import { checkpointProblem } from './checkpoint'
import type { SignedCheckpoint } from './checkpoint'

const chunkSize = 20_000

/**
 * The canonical form of each entry, written by SQLite itself: json_quote writes a string exactly as
 * JSON.stringify does (RFC 8785's rule for strings), so this is canonicalAuditContent's text (a
 * property test holds the two equal), built in C instead of in JavaScript: verification reads a
 * million entries, and the row's eight strings never need to become JavaScript values.
 */
export const canonicalSql = `'{"action":' || json_quote(action) || ',"actorId":' || coalesce(actor_id, 'null') || ',"actorName":' || json_quote(actor_name) || ',"after":' || json_quote(after) || ',"at":' || at || ',"before":' || json_quote(before) || ',"entityId":' || json_quote(entity_id) || ',"entityType":' || json_quote(entity_type) || ',"prevHash":' || json_quote(prev_hash) || ',"seq":' || seq || '}'`

type Row = [seq: number, prevHash: string, hash: string, canonical: string]

export interface VerifyOptions {
  /** Checkpoints to hold the trail against: the stored ones, and any file an auditor brings. */
  checkpoints?: readonly SignedCheckpoint[]
  /** Keys whose checkpoints count: this installation's. */
  trustedKeyIds?: ReadonlySet<string>
  /** Called after each chunk with the entries checked so far (a progress bar, a CLI's rate). */
  onProgress?: (checked: number) => void
}

/**
 * Walks the whole chain in chunks, yielding between them so the main process keeps serving the
 * interface, and reports the first broken link; then holds the trail against each checkpoint: the
 * entry it names must still be there with the same hash, which also proves that nothing before it
 * changed and that the tail was not cut off before it.
 */
export async function verifyAuditTrail(sqlite: Sqlite, options: VerifyOptions = {}): Promise<AuditVerification> {
  const chunk = sqlite
    .prepare(`select seq, prev_hash, hash, ${canonicalSql} from audit_entries where seq > ? order by seq limit ?`)
    .raw(true)
  const hashAt = sqlite.prepare('select hash from audit_entries where seq = ?').pluck(true)
  let previous = { seq: 0, hash: genesisHash }
  let checked = 0
  let firstBroken: AuditVerification['firstBroken'] = null
  walk: for (;;) {
    const rows = chunk.all(previous.seq, chunkSize) as Row[]
    for (const [seq, prevHash, hash, canonical] of rows) {
      const reason =
        seq !== previous.seq + 1
          ? `entry ${String(previous.seq + 1)} is missing`
          : prevHash !== previous.hash
            ? 'its link to the previous entry does not match'
            : sha256(canonical) !== hash
              ? 'its content does not match its hash'
              : null
      if (reason) {
        firstBroken = { seq: reason.startsWith('entry ') ? previous.seq + 1 : seq, reason }
        break walk
      }
      previous = { seq, hash }
      checked += 1
    }
    options.onProgress?.(checked)
    if (rows.length < chunkSize) break
    await yieldToEventLoop()
  }

  const trusted = options.trustedKeyIds ?? new Set<string>()
  const problems: { seq: number; at: number; reason: string }[] = []
  let latest: { seq: number; at: number } | null = null
  for (const checkpoint of options.checkpoints ?? []) {
    const problem = checkpointProblem(checkpoint, trusted)
    const named = problem ? null : (hashAt.get(checkpoint.seq) as string | undefined)
    const reason =
      problem ??
      (checkpoint.seq === 0
        ? null
        : named === undefined
          ? `entry ${String(checkpoint.seq)} it names is gone: the trail was cut off after entry ${String(previous.seq)}`
          : named !== checkpoint.hash
            ? `entry ${String(checkpoint.seq)} no longer has the hash it names`
            : null)
    if (reason) problems.push({ seq: checkpoint.seq, at: checkpoint.at, reason })
    else if (!latest || checkpoint.seq > latest.seq) latest = { seq: checkpoint.seq, at: checkpoint.at }
  }
  return {
    intact: firstBroken === null && problems.length === 0,
    checked,
    headSeq: previous.seq,
    headHash: previous.hash,
    firstBroken,
    checkpoints: { checked: options.checkpoints?.length ?? 0, latest, problems },
  }
}
