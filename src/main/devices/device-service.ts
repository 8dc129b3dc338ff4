import { desc, eq, isNull, sql } from 'drizzle-orm'
import type { DeviceDto, DeviceScope } from '../../shared/contract/devices'
import type { Clock } from '../core/clock'
import type { Db } from '../db/database'
import { devices, sites, users } from '../db/schema'
import { hashDeviceToken, isDeviceToken } from './device-token'
import { createRateLimiter } from './rate-limiter'

/** A field device calling with its token. It is not a person and holds no role. */
export interface DevicePrincipal {
  deviceId: number
  name: string
  siteId: number
  scope: DeviceScope
}

export interface DeviceLimits {
  /** Requests: burst and sustained rate per token. */
  requests: { capacity: number; perSecond: number }
  /** Readings: burst and sustained rate per token. */
  readings: { capacity: number; perSecond: number }
}

/** A gateway of 20 monitors at 1 Hz sends 20 readings a second; these leave a hundredfold margin. */
export const defaultDeviceLimits: DeviceLimits = {
  requests: { capacity: 100, perSecond: 50 },
  readings: { capacity: 20_000, perSecond: 10_000 },
}

/** lastUsedAt is bookkeeping, written at most this often per device. */
const touchIntervalMs = 60_000

export type DeviceRow = typeof devices.$inferSelect

export function deviceDto(db: Db, row: DeviceRow): DeviceDto {
  const site = db.select({ name: sites.name }).from(sites).where(eq(sites.id, row.siteId)).get()
  const creator = db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdById)).get()
  return {
    id: row.id,
    name: row.name,
    siteId: row.siteId,
    siteName: site?.name ?? '',
    scope: row.scope,
    tokenPrefix: row.tokenPrefix,
    createdAt: row.createdAt,
    createdBy: creator?.name ?? '',
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
  }
}

export const listDevices = (db: Db, includeRevoked: boolean) =>
  db
    .select()
    .from(devices)
    .where(includeRevoked ? undefined : isNull(devices.revokedAt))
    .orderBy(desc(devices.id))
    .all()
    .map((row) => deviceDto(db, row))

export function createDeviceService(db: Db, clock: Clock, limits: DeviceLimits = defaultDeviceLimits) {
  const requests = createRateLimiter(limits.requests, clock.now)
  const readings = createRateLimiter(limits.readings, clock.now)
  // Every field-API call resolves its token: both statements are prepared once.
  const byTokenHash = db
    .select()
    .from(devices)
    .where(eq(devices.tokenHash, sql.placeholder('tokenHash')))
    .prepare()
  const touch = db
    .update(devices)
    .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
    .where(eq(devices.id, sql.placeholder('id')))
    .prepare()
  return {
    /** The device of a live (not revoked) token, or null. */
    resolve(token: string | null): DevicePrincipal | null {
      if (!token || !isDeviceToken(token)) return null
      const row = byTokenHash.get({ tokenHash: hashDeviceToken(token) })
      if (!row || row.revokedAt !== null) return null
      const now = clock.now()
      if (row.lastUsedAt === null || now - row.lastUsedAt >= touchIntervalMs) touch.run({ at: now, id: row.id })
      return { deviceId: row.id, name: row.name, siteId: row.siteId, scope: row.scope }
    },
    /** One more request from this device, carrying `cost` readings; false when over its limits. */
    admit(device: DevicePrincipal, cost: number): boolean {
      const key = String(device.deviceId)
      return requests.take(key) && readings.take(key, cost)
    },
  }
}

export type DeviceService = ReturnType<typeof createDeviceService>
