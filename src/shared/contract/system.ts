import { z } from 'zod'
import { command, query } from './define'
import { epochMs, noInput } from './common'

export const systemProcedures = {
  'system.info': query({
    description: 'Version, data folder and schema state of this Gatehouse.',
    input: noInput,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      databaseFile: z.string(),
      migrationsApplied: z.number().int().nonnegative(),
    }),
  }),
  'system.backup': command({
    description: 'Takes an online backup of the database into the data folder’s backups directory.',
    input: noInput,
    output: z.object({ file: z.string(), bytes: z.number().int().nonnegative(), at: epochMs }),
  }),
}
