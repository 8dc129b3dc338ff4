import { asc, desc, gt, lt } from 'drizzle-orm'
import type { Db } from '../db/database'
import { auditEntries } from '../db/schema'
import { canonicalJson, genesisHash, hashAuditContent } from './audit-chain'

export type AuditEntryRow = typeof auditEntries.$inferSelect

export interface AuditDraft {
  action: string
  entityType: string
  entityId: string | number | null
  /** Summaries of the record before and after; never secrets such as password hashes. */
  before?: unknown
  after?: unknown
}

export interface Actor {
  id: number | null
  name: string
}

const summary = (value: unknown): string | null => (value === undefined || value === null ? null : canonicalJson(value))

/** Appends one entry chained to the last. Must run inside the command's transaction. */
export function appendAuditEntry(tx: Db, actor: Actor, draft: AuditDraft, at: number): AuditEntryRow {
  const last = tx
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
    .get()
  const content = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: draft.action,
    entityType: draft.entityType,
    entityId: draft.entityId === null ? null : String(draft.entityId),
    before: summary(draft.before),
    after: summary(draft.after),
    prevHash: last?.hash ?? genesisHash,
  }
  const row = { ...content, hash: hashAuditContent(content) }
  tx.insert(auditEntries).values(row).run()
  return row
}

export function listAuditEntries(db: Db, limit: number, beforeSeq?: number): AuditEntryRow[] {
  return db
    .select()
    .from(auditEntries)
    .where(beforeSeq === undefined ? undefined : lt(auditEntries.seq, beforeSeq))
    .orderBy(desc(auditEntries.seq))
    .limit(limit)
    .all()
}

export function auditEntriesAfter(db: Db, afterSeq: number, limit: number): AuditEntryRow[] {
  return db
    .select()
    .from(auditEntries)
    .where(gt(auditEntries.seq, afterSeq))
    .orderBy(asc(auditEntries.seq))
    .limit(limit)
    .all()
}
