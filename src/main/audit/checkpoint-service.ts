import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../db/database'
import { auditCheckpoints, auditEntries, signingKeys } from '../db/schema'
import { genesisHash } from './audit-chain'
import { checkpointStatement } from './checkpoint'
import type { SignedCheckpoint } from './checkpoint'
import type { SigningKey } from './signing-key'

export type CheckpointReason = (typeof auditCheckpoints.$inferSelect)['reason']

/** The chain's head as it stands in this transaction: the last entry, or the genesis. */
export function chainHead(db: Db): { seq: number; hash: string } {
  return (
    db
      .select({ seq: auditEntries.seq, hash: auditEntries.hash })
      .from(auditEntries)
      .orderBy(desc(auditEntries.seq))
      .limit(1)
      .get() ?? { seq: 0, hash: genesisHash }
  )
}

/** Whether this key is recorded yet; recording it is the caller's (audited) write. */
export const isKeyRecorded = (db: Db, keyId: string) =>
  db.select({ keyId: signingKeys.keyId }).from(signingKeys).where(eq(signingKeys.keyId, keyId)).get() !== undefined

export function recordKey(db: Db, key: SigningKey, now: number): void {
  db.insert(signingKeys).values({ keyId: key.keyId, publicKey: key.publicKeyPem, createdAt: now }).run()
}

/** Signs a statement about one entry of the chain; nothing is written. */
export function signCheckpoint(key: SigningKey, entry: { seq: number; hash: string }, at: number): SignedCheckpoint {
  const statement = { seq: entry.seq, hash: entry.hash, at, keyId: key.keyId }
  return {
    format: 'gatehouse-audit-checkpoint/1',
    ...statement,
    publicKey: key.publicKeyPem,
    signature: key.sign(checkpointStatement(statement)),
  }
}

/** Keeps a signed checkpoint with why it was taken; inside the caller's transaction. */
export function keepCheckpoint(
  db: Db,
  checkpoint: SignedCheckpoint,
  reason: CheckpointReason,
  reference: string | null,
) {
  const { seq, hash, at, keyId, signature } = checkpoint
  db.insert(auditCheckpoints).values({ seq, hash, at, keyId, signature, reason, reference }).run()
}

/**
 * Signs the head of the chain and keeps the checkpoint. Runs inside the caller's transaction,
 * before its own audit entry is appended: the checkpoint names the entry before it.
 */
export function takeCheckpoint(
  db: Db,
  key: SigningKey,
  reason: CheckpointReason,
  reference: string | null,
  now: number,
): SignedCheckpoint {
  const checkpoint = signCheckpoint(key, chainHead(db), now)
  keepCheckpoint(db, checkpoint, reason, reference)
  return checkpoint
}

/** Every stored checkpoint as its file would hold it, oldest first. */
export function storedCheckpoints(
  db: Db,
): (SignedCheckpoint & { id: number; reason: CheckpointReason; reference: string | null })[] {
  return db
    .select({ checkpoint: auditCheckpoints, publicKey: signingKeys.publicKey })
    .from(auditCheckpoints)
    .innerJoin(signingKeys, eq(signingKeys.keyId, auditCheckpoints.keyId))
    .orderBy(auditCheckpoints.id)
    .all()
    .map(({ checkpoint, publicKey }) => ({
      format: 'gatehouse-audit-checkpoint/1' as const,
      id: checkpoint.id,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      at: checkpoint.at,
      keyId: checkpoint.keyId,
      publicKey,
      signature: checkpoint.signature,
      reason: checkpoint.reason,
      reference: checkpoint.reference,
    }))
}

export const recordedKeyIds = (db: Db): Set<string> =>
  new Set(
    db
      .select({ keyId: signingKeys.keyId })
      .from(signingKeys)
      .all()
      .map((row) => row.keyId),
  )

/** The checkpoint taken for a record (a handover, a backup file), as a document prints it; null when none. */
export function checkpointFor(db: Db, reason: CheckpointReason, reference: string) {
  return (
    db
      .select({
        seq: auditCheckpoints.seq,
        hash: auditCheckpoints.hash,
        keyId: auditCheckpoints.keyId,
        at: auditCheckpoints.at,
      })
      .from(auditCheckpoints)
      .where(and(eq(auditCheckpoints.reason, reason), eq(auditCheckpoints.reference, reference)))
      .get() ?? null
  )
}
