import type { ErrorCode, FieldIssue, RpcErrorBody } from '../contract/errors'

/** A failed call, as the typed client raises it. */
export class RpcError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[]

  constructor(body: RpcErrorBody) {
    super(body.message)
    this.name = 'RpcError'
    this.code = body.code
    this.issues = body.issues ?? []
  }
}
