import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { AuditVerification } from '../../shared/contract/audit'
import type { Db } from '../db/database'
import { findChainBreak, genesisHash } from './audit-chain'
import { auditEntriesAfter } from './audit-repository'

const chunkSize = 2000

/**
 * Walks the whole chain in chunks, yielding between them so the main process keeps serving
 * the interface while a long trail is checked. Reports the first broken link.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let previous = { seq: 0, hash: genesisHash }
  let checked = 0
  for (;;) {
    const chunk = auditEntriesAfter(db, previous.seq, chunkSize)
    for (const entry of chunk) {
      const reason = findChainBreak(entry, previous)
      if (reason) {
        return {
          intact: false,
          checked,
          headSeq: previous.seq,
          headHash: previous.hash,
          firstBroken: { seq: reason.startsWith('entry ') ? previous.seq + 1 : entry.seq, reason },
        }
      }
      previous = { seq: entry.seq, hash: entry.hash }
      checked += 1
    }
    if (chunk.length < chunkSize) break
    await yieldToEventLoop()
  }
  return { intact: true, checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: null }
}
