import type { ErrorCode } from '../../shared/contract/errors'

/** The HTTP status that carries each error code; the body always holds the envelope. */
export const httpStatusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 412 | 429 | 500> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}
