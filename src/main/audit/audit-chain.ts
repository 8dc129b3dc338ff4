import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

export const genesisHash = '0'.repeat(64)

/** The content an entry's hash covers: everything but the hash itself. */
export interface AuditContent {
  seq: number
  at: number
  actorId: number | null
  actorName: string
  action: string
  entityType: string
  entityId: string | null
  before: string | null
  after: string | null
  prevHash: string
}

/** RFC 8785 canonical JSON, so the hash never depends on key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('value cannot be canonicalized')
  return text
}

/** SHA-256 over the canonical content, which includes the previous entry's hash. */
export function hashAuditContent(content: AuditContent): string {
  const { seq, at, actorId, actorName, action, entityType, entityId, before, after, prevHash } = content
  return createHash('sha256')
    .update(canonicalJson({ seq, at, actorId, actorName, action, entityType, entityId, before, after, prevHash }))
    .digest('hex')
}

/** Why an entry breaks the chain after `previous`, or null when it holds. */
export function findChainBreak(
  entry: AuditContent & { hash: string },
  previous: { seq: number; hash: string },
): string | null {
  if (entry.seq !== previous.seq + 1) return `entry ${previous.seq + 1} is missing`
  if (entry.prevHash !== previous.hash) return 'its link to the previous entry does not match'
  if (hashAuditContent(entry) !== entry.hash) return 'its content does not match its hash'
  return null
}
