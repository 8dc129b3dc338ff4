import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The installation's Ed25519 key: it signs audit checkpoints; its private half stays in its file, in main. */
export interface SigningKey {
  keyId: string
  publicKeyPem: string
  sign(statement: string): string
}

export const signingKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'audit-signing-key.pem')

/** How a checkpoint names its key: the first 16 hex characters of the SHA-256 of the public key (SPKI, DER). */
export const keyIdOf = (publicKey: KeyObject) =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)

/**
 * Loads the installation's signing key, creating it at first start. The file is readable by its
 * owner only; a copy of the database alone cannot forge a checkpoint.
 */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const file = signingKeyFile(dataDir)
  let privateKey: KeyObject
  if (fs.existsSync(file)) {
    privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'))
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    // wx: two processes starting at once must not each write a different key.
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'))
    }
  }
  const publicKey = createPublicKey(privateKey)
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (statement) => sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64'),
  }
}

/** The key id of a data folder's key without creating one: null before the folder's first start. */
export function existingKeyId(dataDir: string): string | null {
  const file = signingKeyFile(dataDir)
  if (!fs.existsSync(file)) return null
  return keyIdOf(createPublicKey(createPrivateKey(fs.readFileSync(file, 'utf8'))))
}
