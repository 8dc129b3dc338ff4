import { createPublicKey, verify } from 'node:crypto'
import { keyIdOf } from './signing-key'

/** A signed statement that audit entry `seq` had hash `hash` at time `at`, as exported to a file. */
export interface SignedCheckpoint {
  format: 'gatehouse-audit-checkpoint/1'
  seq: number
  hash: string
  at: number
  keyId: string
  /** The signer's public key (PEM), so the file checks by itself; trust comes from the key id. */
  publicKey: string
  signature: string
}

/** What is signed: fixed text with the fields in a fixed order, so no serializer can change it. */
export const checkpointStatement = (c: Pick<SignedCheckpoint, 'seq' | 'hash' | 'at' | 'keyId'>) =>
  `gatehouse-audit-checkpoint/1 seq=${String(c.seq)} hash=${c.hash} at=${String(c.at)} key=${c.keyId}`

/**
 * Why a checkpoint cannot be trusted, or null: its signature must hold under its own public key,
 * and that key must be one of this installation's (a checkpoint signed by another key is refused).
 */
export function checkpointProblem(checkpoint: SignedCheckpoint, trustedKeyIds: ReadonlySet<string>): string | null {
  if (checkpoint.format !== 'gatehouse-audit-checkpoint/1') return 'it is not a Gatehouse audit checkpoint'
  let publicKey
  try {
    publicKey = createPublicKey(checkpoint.publicKey)
  } catch {
    return 'its public key cannot be read'
  }
  if (keyIdOf(publicKey) !== checkpoint.keyId) return 'its key id does not match its public key'
  if (!trustedKeyIds.has(checkpoint.keyId))
    return `it is signed by key ${checkpoint.keyId}, which is not this installation's`
  const valid = verify(
    null,
    Buffer.from(checkpointStatement(checkpoint), 'utf8'),
    publicKey,
    Buffer.from(checkpoint.signature, 'base64'),
  )
  return valid ? null : 'its signature does not match its content'
}
