import { z } from 'zod'
import { command } from './define'

export const databaseProcedures = {
  'database.restore': command({
    description:
      'Puts a listed backup in place of the database, signed with the administrator’s password. The current database is backed up first and kept aside; the backup is refused if damaged, foreign or from a newer version; every session ends and the console restarts on the restored data. The restore is recorded in the restored database’s own audit trail.',
    input: z.strictObject({
      backupId: z.number().int().positive(),
      /** The administrator’s own password: the electronic signature of this act. */
      password: z.string().min(1, 'is required: your own password signs the restore'),
    }),
    output: z.object({
      /** The backup now in place. */
      restoredFrom: z.string(),
      /** The backup taken of the database just before, holding everything until then. */
      preRestoreBackup: z.string(),
    }),
  }),
}
