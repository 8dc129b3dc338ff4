import type { ErrorCode, FieldIssue, UnmetCondition } from '../../shared/contract/errors'

/** A failure a service expects and a person can act on; dispatch() sends it as is. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly unmet?: UnmetCondition[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (message: string) => new DomainError('NOT_FOUND', message)
export const conflict = (message: string) => new DomainError('CONFLICT', message)
/**
 * A rule of the domain the command needs and does not find. Every such refusal carries its unmet
 * conditions as data; a refusal with one rule and no code of its own names it `precondition`.
 */
export const preconditionFailed = (message: string, unmet?: UnmetCondition[]) =>
  new DomainError('PRECONDITION_FAILED', message, undefined, unmet ?? [{ code: 'precondition', message }])
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message)
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message)
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message)

/** Throws a record-level rule's refusal (src/shared/domain/record-rules.ts) as the gate's error. */
export function refuseIf(refusal: { code: 'FORBIDDEN' | 'PRECONDITION_FAILED'; message: string } | null): void {
  if (refusal) throw refusal.code === 'FORBIDDEN' ? forbidden(refusal.message) : preconditionFailed(refusal.message)
}
