import { z } from 'zod'

/** The closed set of failure codes a caller can receive. Nothing else crosses the wire. */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** One problem with one input field: which field, which rule, and a sentence for a person. */
export const fieldIssueSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof fieldIssueSchema>

/**
 * One rule a command needed and did not find (a refused entry lists every one): a stable code
 * for programs and a sentence for a person.
 */
export const unmetConditionSchema = z.object({
  code: z.string(),
  message: z.string(),
})
export type UnmetCondition = z.infer<typeof unmetConditionSchema>

export const rpcErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  /** With PRECONDITION_FAILED: every condition that was not met, as data, never to be parsed from the message. */
  unmet: z.array(unmetConditionSchema).optional(),
})
export type RpcErrorBody = z.infer<typeof rpcErrorSchema>

/** The result envelope every procedure returns, over every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody }

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: rpcErrorSchema }),
])
