import { asc, desc, gt, lt, sql } from 'drizzle-orm'
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

/** Appends one entry chained to the last; must run inside the command's transaction. */
export type AuditAppender = (actor: Actor, draft: AuditDraft, at: number) => AuditEntryRow

/**
 * The audit chain's writer for one database: its two statements (the last entry, the new one)
 * are prepared once, since every command appends. Each append runs inside the command's
 * transaction on that connection, so it reads the last entry under the write lock.
 */
export function createAuditAppender(db: Db): AuditAppender {
  const lastEntry = db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
    .prepare()
  const insertEntry = db
    .insert(auditEntries)
    .values({
      seq: sql.placeholder('seq'),
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actorName: sql.placeholder('actorName'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      before: sql.placeholder('before'),
      after: sql.placeholder('after'),
      prevHash: sql.placeholder('prevHash'),
      hash: sql.placeholder('hash'),
    })
    .prepare()
  return (actor, draft, at) => {
    const last = lastEntry.get()
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
    insertEntry.run(row)
    return row
  }
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
