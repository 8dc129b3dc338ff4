import { eq } from 'drizzle-orm'
import { conflict, notFound } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { devices } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findSite } from '../sites/site-repository'
import { deviceDto, listDevices } from './device-service'
import { hashDeviceToken, newDeviceToken } from './device-token'

export function createDeviceHandlers(db: Db, commit: Commit): HandlersFor<'devices'> {
  return {
    'devices.list': (input) => listDevices(db, input.includeRevoked),
    'devices.create': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        if (!findSite(tx, input.siteId)) throw notFound(`There is no site with id ${input.siteId}.`)
        const token = newDeviceToken()
        const row = tx
          .insert(devices)
          .values({
            name: input.name,
            siteId: input.siteId,
            scope: 'post_readings',
            tokenHash: hashDeviceToken(token),
            tokenPrefix: token.slice(0, 10),
            createdAt: now,
            createdById: ctx.principal.userId,
          })
          .returning()
          .get()
        const device = deviceDto(tx, row)
        return {
          // The token itself is in the answer only: never in the audit entry, never stored.
          value: { device, token },
          audit: { action: 'device.created', entityType: 'device', entityId: row.id, after: device },
          events: [{ name: 'devices.changed', payload: { deviceId: row.id, at: now } }],
        }
      }),
    'devices.revoke': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const before = tx.select().from(devices).where(eq(devices.id, input.deviceId)).get()
        if (!before) throw notFound(`There is no device with id ${input.deviceId}.`)
        if (before.revokedAt !== null) throw conflict(`${before.name} was already revoked.`)
        const row = tx
          .update(devices)
          .set({ revokedAt: now, revokedReason: input.reason })
          .where(eq(devices.id, before.id))
          .returning()
          .get()
        const device = deviceDto(tx, row)
        return {
          value: device,
          audit: { action: 'device.revoked', entityType: 'device', entityId: row.id, after: { reason: input.reason } },
          events: [{ name: 'devices.changed', payload: { deviceId: row.id, at: now } }],
        }
      }),
  }
}
