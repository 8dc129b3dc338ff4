import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { systemActor } from '../identity/principal'
import { isKeyRecorded, recordKey } from './checkpoint-service'
import type { SigningKey } from './signing-key'

/** Records the installation's public key at first start (or after the key file was replaced), audited. */
export function recordSigningKey(db: Db, commit: Commit, key: SigningKey): void {
  if (isKeyRecorded(db, key.keyId)) return
  commit(systemActor, (tx, now) => {
    if (!isKeyRecorded(tx, key.keyId)) recordKey(tx, key, now)
    return {
      value: null,
      audit: {
        action: 'audit.signing_key_created',
        entityType: 'audit',
        entityId: null,
        after: { keyId: key.keyId, publicKey: key.publicKeyPem },
      },
    }
  })
}
