import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The installation's signing keys (Ed25519), public halves only: the private key never leaves its file. */
export const signingKeys = sqliteTable('signing_keys', {
  /** The first 16 hex characters of the SHA-256 of the public key (SPKI, DER): how a checkpoint names its key. */
  keyId: text('key_id').primaryKey(),
  /** The public key, PEM (SPKI), with which anyone can check this installation's checkpoints. */
  publicKey: text('public_key').notNull(),
  /** When the key was created (ms since epoch). */
  createdAt: integer('created_at').notNull(),
})

/**
 * A signed statement of the audit chain's head: entry `seq` has hash `hash`. Kept against
 * truncation: the chain alone cannot show that its last entries were removed.
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    /** The checkpoint's number, in the order they were taken. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The sequence number of the audit entry the checkpoint names (the head when it was taken). */
    seq: integer('seq').notNull(),
    /** That entry's hash. */
    hash: text('hash').notNull(),
    /** When the checkpoint was signed (ms since epoch). */
    at: integer('at').notNull(),
    /** The signing key, → signing_keys.key_id. */
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.keyId),
    /** The Ed25519 signature (base64) of the checkpoint's canonical statement. */
    signature: text('signature').notNull(),
    /** Why it was taken: backup, handover, export or request (an auditor asked for one). */
    reason: text('reason', { enum: ['backup', 'handover', 'export', 'request'] }).notNull(),
    /** What it was taken for: the backup file, the handover id or the export file; null for a request. */
    reference: text('reference'),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
)
