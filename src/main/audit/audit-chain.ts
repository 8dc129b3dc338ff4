import { hash } from 'node:crypto'
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

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value))
const integer = (value: number | null) => (value === null ? 'null' : String(value))

/**
 * The RFC 8785 form of an entry's content, written out for its fixed shape: keys in code-unit
 * order, strings as JSON.stringify writes them, integers as decimals, which is exactly what a
 * general canonicalizer produces (a property test holds the two equal) at a fraction of the cost;
 * verification walks millions of entries.
 */
export function canonicalAuditContent(c: AuditContent): string {
  return `{"action":${text(c.action)},"actorId":${integer(c.actorId)},"actorName":${text(c.actorName)},"after":${text(c.after)},"at":${integer(c.at)},"before":${text(c.before)},"entityId":${text(c.entityId)},"entityType":${text(c.entityType)},"prevHash":${text(c.prevHash)},"seq":${integer(c.seq)}}`
}

/** SHA-256 (hex) of a text (or its UTF-8 bytes), one call: no hash object per entry when a million are checked. */
export const sha256 = (text: string | Uint8Array): string => hash('sha256', text, 'hex')

/** SHA-256 over the canonical content, which includes the previous entry's hash. */
export const hashAuditContent = (content: AuditContent): string => sha256(canonicalAuditContent(content))
