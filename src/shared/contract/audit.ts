import { z } from 'zod'
import { query } from './define'
import { epochMs, noInput } from './common'

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
})
export type AuditEntryDto = z.infer<typeof auditEntrySchema>

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int().nonnegative(),
  headSeq: z.number().int().nonnegative(),
  headHash: z.string(),
  firstBroken: z.object({ seq: z.number().int().positive(), reason: z.string() }).nullable(),
})
export type AuditVerification = z.infer<typeof auditVerificationSchema>

export const auditProcedures = {
  'audit.list': query({
    description: 'Audit entries, newest first, paged by sequence number.',
    input: z.strictObject({
      limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
      beforeSeq: z.number().int().positive().optional(),
    }),
    output: z.object({ items: z.array(auditEntrySchema), nextBeforeSeq: z.number().int().nullable() }),
  }),
  'audit.verify': query({
    description: 'Walks the hash chain and reports the first broken link, if any.',
    input: noInput,
    output: auditVerificationSchema,
  }),
}
