import type { ErrorCode, FieldIssue, RpcErrorBody, UnmetCondition } from '../contract/errors'

/** A failed call, as the typed client raises it. */
export class RpcError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[]
  /** Every unmet condition of a PRECONDITION_FAILED, as the contract declares them. */
  readonly unmet: UnmetCondition[]

  constructor(body: RpcErrorBody) {
    super(body.message)
    this.name = 'RpcError'
    this.code = body.code
    this.issues = body.issues ?? []
    this.unmet = body.unmet ?? []
  }
}
