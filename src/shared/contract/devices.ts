import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { siteIdSchema } from './sites'

/** What a field device may do: post readings for one site, and nothing else. */
export const deviceScopes = ['post_readings'] as const
export type DeviceScope = (typeof deviceScopes)[number]

export const deviceIdSchema = z.number().int().positive()

export const deviceSchema = z.object({
  id: deviceIdSchema,
  name: z.string(),
  siteId: siteIdSchema,
  siteName: z.string(),
  scope: z.enum(deviceScopes),
  /** The token's first characters, so a person can tell tokens apart; the token itself is never shown again. */
  tokenPrefix: z.string(),
  createdAt: epochMs,
  createdBy: z.string(),
  lastUsedAt: epochMs.nullable(),
  revokedAt: epochMs.nullable(),
  revokedReason: z.string().nullable(),
})
export type DeviceDto = z.infer<typeof deviceSchema>

export const deviceProcedures = {
  'devices.list': query({
    description: 'Field devices (monitors, gateways, tablets) and their tokens: site, scope, last use, revocation.',
    input: z.strictObject({ includeRevoked: z.boolean().default(false) }),
    output: z.array(deviceSchema),
  }),
  'devices.create': command({
    description:
      'Creates a device token scoped to one site and to posting readings. The token is shown once, in this answer; only its hash is stored.',
    input: z.strictObject({
      name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
      siteId: siteIdSchema,
    }),
    output: z.object({ device: deviceSchema, token: z.string() }),
  }),
  'devices.revoke': command({
    description: 'Revokes a device token at once: its next request is refused.',
    input: z.strictObject({
      deviceId: deviceIdSchema,
      reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    }),
    output: deviceSchema,
  }),
}
