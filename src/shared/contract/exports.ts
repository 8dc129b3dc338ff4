import { z } from 'zod'
import { epochMs } from './common'

/** A file Gatehouse wrote for someone to take away: an export or an evidence pack. */
export const exportFileSchema = z.object({
  /** Its name in the person's exports folder; in browser mode, GET /api/exports/<name> with the session. */
  name: z.string(),
  /** Where it lies on this machine (the desktop console shows it). */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the file, so a copy can be checked against what was written. */
  sha256: z.string(),
  rows: z.number().int().nonnegative(),
  /** The audit checkpoint the file ends at: the entry it names, its hash and the signing key. */
  checkpoint: z.object({ seq: z.number().int().nonnegative(), hash: z.string(), keyId: z.string() }),
  at: epochMs,
})
export type ExportFileDto = z.infer<typeof exportFileSchema>

export const exportFormats = ['csv', 'json'] as const
