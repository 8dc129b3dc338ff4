import type { ErrorCode, UnmetCondition } from '../../../shared/contract/errors'
import { RpcError } from '../../../shared/client/rpc-error'

/** A failure as a person reads it: one sentence, plus the sentences that belong under fields. */
export interface Problem {
  code: ErrorCode | null
  message: string
  /** Keyed by the input field the server named (its first path segment). */
  fields: Partial<Record<string, string>>
  /** Keyed by the whole path the server named ("conditions.o2Min", "entrants.0.name"). */
  paths: Partial<Record<string, string>>
  /** With PRECONDITION_FAILED: every condition the command needed and did not find, as the server listed them. */
  unmet: UnmetCondition[]
}

export interface LocalIssue {
  path: string
  message: string
}

export function toProblem(error: unknown): Problem {
  if (error instanceof RpcError) {
    const fields: Partial<Record<string, string>> = {}
    const paths: Partial<Record<string, string>> = {}
    for (const issue of error.issues) {
      const field = issue.field.split('.')[0] ?? issue.field
      fields[field] ??= issue.message
      paths[issue.field] ??= issue.message
    }
    return { code: error.code, message: error.message, fields, paths, unmet: error.unmet }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return { code: null, message: `Something went wrong: ${detail}`, fields: {}, paths: {}, unmet: [] }
}

export function fieldProblem(field: string, message: string): Problem {
  return { code: 'VALIDATION', message, fields: { [field]: message }, paths: { [field]: message }, unmet: [] }
}

/** Issues the window found itself, before asking the server, worded like the server's. */
export function localProblem(issues: readonly LocalIssue[]): Problem {
  const fields: Partial<Record<string, string>> = {}
  const paths: Partial<Record<string, string>> = {}
  for (const { path, message } of issues) {
    fields[path.split('.')[0] ?? path] ??= message
    paths[path] ??= message
  }
  const message = `Some fields need attention: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`
  return { code: 'VALIDATION', message, fields, paths, unmet: [] }
}

/** The sentence for exactly this path, falling back to its first segment for a top-level field. */
export function issueAt(problem: Problem | null, path: string): string | undefined {
  if (!problem) return undefined
  return problem.paths[path] ?? (path.includes('.') ? undefined : problem.fields[path])
}

/** Every issue whose path lies inside `prefix` ("entrants" holds "entrants.0.name"), in server order. */
export function issuesUnder(problem: Problem | null, prefix: string): LocalIssue[] {
  if (!problem) return []
  return Object.entries(problem.paths)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([path, message]) => ({ path, message: message ?? '' }))
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

/** The same problem with `prefix.` taken off every path, for a form nested in a larger input. */
export function withoutPrefix(problem: Problem, prefix: string): Problem {
  const strip = (path: string): string => (path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path)
  const paths: Partial<Record<string, string>> = {}
  const fields: Partial<Record<string, string>> = {}
  for (const [path, message] of Object.entries(problem.paths)) {
    const local = strip(path)
    paths[local] ??= message
    fields[local.split('.')[0] ?? local] ??= message
  }
  return { ...problem, paths, fields }
}
