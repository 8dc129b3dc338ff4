import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { exportFileSchema, exportFormats } from './exports'

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: epochMs,
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Canonical JSON summaries of the record before and after the change. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
  /** The entity by its human name (permit number, space tag, user name), or null when it has none. */
  entityLabel: z.string().nullable(),
  /** The entry in words: "Permit CSE-NORTH-2026-0001 closed". */
  summary: z.string(),
  /** The templates' shape of the same entry: action / user / resource / timestamp (ISO 8601, UTC). */
  user: z.string(),
  resource: z.string(),
  timestamp: z.string(),
})
export type AuditEntryDto = z.infer<typeof auditEntrySchema>

/** A signed statement that audit entry `seq` had hash `hash` at `at`: what an auditor keeps as a file. */
export const signedCheckpointSchema = z.object({
  format: z.literal('gatehouse-audit-checkpoint/1'),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal characters'),
  at: epochMs,
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal characters'),
  publicKey: z.string().max(1000, 'must be at most 1000 characters'),
  signature: z.string().max(200, 'must be at most 200 characters'),
})
export type SignedCheckpointDto = z.infer<typeof signedCheckpointSchema>

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int().nonnegative(),
  headSeq: z.number().int().nonnegative(),
  headHash: z.string(),
  firstBroken: z.object({ seq: z.number().int().positive(), reason: z.string() }).nullable(),
  /** The trail held against signed checkpoints: the entry each names must still be there, unchanged. */
  checkpoints: z.object({
    checked: z.number().int().nonnegative(),
    /** The newest checkpoint that holds: nothing up to it was changed or cut off. */
    latest: z.object({ seq: z.number().int().nonnegative(), at: epochMs }).nullable(),
    problems: z.array(z.object({ seq: z.number().int().nonnegative(), at: epochMs, reason: z.string() })),
  }),
})
export type AuditVerification = z.infer<typeof auditVerificationSchema>

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${String(max)} characters`)

/** What an auditor narrows the trail to; every part optional, all given parts must hold. */
export const auditFilterSchema = z.strictObject({
  actorId: z.number().int().positive().optional(),
  /** An action (`permit.closed`) or a family of them (`permit`, `access.request`). */
  action: text(80).optional(),
  entityType: text(40).optional(),
  entityId: text(80).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  /** Whole words to find in the entry (its action, who acted, the entity, the before and after summaries); `word*` matches words it begins. */
  text: text(200).optional(),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>

export const auditProcedures = {
  'audit.list': query({
    description:
      'Audit entries, newest first, in words and in the templates’ shape, narrowed by person, action, entity, time and text; paged by sequence number.',
    input: z.strictObject({
      limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
      beforeSeq: z.number().int().positive().optional(),
      filter: auditFilterSchema.default({}),
    }),
    output: z.object({ items: z.array(auditEntrySchema), nextBeforeSeq: z.number().int().nullable() }),
  }),
  'audit.findRecord': query({
    description:
      'The records an auditor means by a name typed in the filter: a permit by its number, a space by its tag, an account by its username, any named record by the label its entries show, in any case; failing that, the record of the kind given with that id. Several when the name fits records of different kinds and no kind is given.',
    input: z.strictObject({
      entityType: text(40).optional(),
      name: text(80).min(1, 'must not be empty'),
    }),
    output: z.object({
      records: z.array(z.object({ entityType: z.string(), entityId: z.string(), label: z.string() })),
    }),
  }),
  'audit.verify': query({
    description:
      'Walks the hash chain and reports the first broken link, if any; then holds the trail against every stored checkpoint, and against a checkpoint file when one is given.',
    input: z.strictObject({ checkpoint: signedCheckpointSchema.optional() }),
    output: auditVerificationSchema,
  }),
  'audit.export': command({
    description:
      'Writes the audit trail, filtered or whole, newest first, as CSV or JSON into the caller’s exports folder, with progress as it goes; the file states its filter, its range and the signed checkpoint it ends at.',
    input: z.strictObject({ format: z.enum(exportFormats), filter: auditFilterSchema.default({}) }),
    output: exportFileSchema,
  }),
  'audit.checkpoint': command({
    description:
      'Signs the head of the chain with this installation’s key and returns the checkpoint, for an auditor to keep outside Gatehouse.',
    input: z.strictObject({}),
    output: signedCheckpointSchema,
  }),
}
