import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1. */
export const owaspScrypt = { log2N: 17, r: 8, p: 1 }

const keyLength = 64

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below OWASP's 128 MiB.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/**
 * Hashes run on libuv's thread pool, so the main process keeps serving while one is computed.
 * The stored form carries its parameters: `scrypt$<log2N>$<r>$<p>$<salt>$<key>`.
 */
export function createScryptHasher(params = owaspScrypt): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, params.log2N, params.r, params.p)
      return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
    },
    async verify(password, stored) {
      const [scheme, log2N, r, p, salt, key] = stored.split('$')
      if (scheme !== 'scrypt' || !log2N || !r || !p || !salt || !key) return false
      const expected = Buffer.from(key, 'base64')
      const actual = await derive(password, Buffer.from(salt, 'base64'), Number(log2N), Number(r), Number(p))
      return actual.length === expected.length && timingSafeEqual(actual, expected)
    },
  }
}
