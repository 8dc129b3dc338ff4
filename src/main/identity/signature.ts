import { DomainError } from '../core/domain-error'
import type { Principal } from './principal'

/** An electronic signature: the signed-in user re-enters their password for one act. */
export interface SignatureVerifier {
  verify(principal: Principal, password: string, meaning: string): Promise<void>
}

export class WrongSignatureError extends DomainError {
  constructor() {
    super('VALIDATION', 'The password you entered to sign is wrong.', [
      { field: 'password', rule: 'signature', message: 'is not your password' },
    ])
  }
}
