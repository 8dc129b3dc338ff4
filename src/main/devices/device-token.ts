import { randomBytes } from 'node:crypto'
import { hashSessionToken } from '../identity/session-token'

/** Device tokens say what they are, so a leaked one is recognised in a log: "ghd_" and 256 random bits. */
export const deviceTokenPrefix = 'ghd_'

export const newDeviceToken = (): string => `${deviceTokenPrefix}${randomBytes(32).toString('base64url')}`

export const isDeviceToken = (token: string): boolean => token.startsWith(deviceTokenPrefix)

/** Only the SHA-256 is stored, as for sessions. */
export const hashDeviceToken = hashSessionToken
