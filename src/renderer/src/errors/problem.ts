import type { ErrorCode } from '../../../shared/contract/errors'
import { RpcError } from '../../../shared/client/rpc-error'

/** A failure as a person reads it: one sentence, plus the sentences that belong under fields. */
export interface Problem {
  code: ErrorCode | null
  message: string
  /** Keyed by the input field the server named (its first path segment). */
  fields: Partial<Record<string, string>>
}

export function toProblem(error: unknown): Problem {
  if (error instanceof RpcError) {
    const fields: Partial<Record<string, string>> = {}
    for (const issue of error.issues) {
      const field = issue.field.split('.')[0] ?? issue.field
      fields[field] ??= issue.message
    }
    return { code: error.code, message: error.message, fields }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return { code: null, message: `Something went wrong: ${detail}`, fields: {} }
}

export function fieldProblem(field: string, message: string): Problem {
  return { code: 'VALIDATION', message, fields: { [field]: message } }
}

export function isRpcError(error: unknown, code: ErrorCode): boolean {
  return error instanceof RpcError && error.code === code
}

/**
 * What a form must still show in an alert: nothing when every issue sits under one of its
 * fields, otherwise the whole message (the server's message already names every field).
 */
export function messageOutside(problem: Problem | null, shownFields: readonly string[]): string | null {
  if (!problem) return null
  const fields = Object.keys(problem.fields)
  return fields.length > 0 && fields.every((field) => shownFields.includes(field)) ? null : problem.message
}
