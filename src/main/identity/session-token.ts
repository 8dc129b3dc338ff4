import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits; only its SHA-256 is stored. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url')

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex')
