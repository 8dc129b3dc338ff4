import { z } from 'zod'
import { command, query } from './define'
import { epochMs, noInput, pageInput, pageOf } from './common'

export const backupTriggers = ['manual', 'scheduled'] as const

export const backupSchema = z.object({
  id: z.number().int().positive(),
  /** The file's name in the backups folder. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  at: epochMs,
  trigger: z.enum(backupTriggers),
  /** `ok`, or the first problem the check found in the written file. */
  integrity: z.string(),
  /** The audit entry named by the signed checkpoint taken with the backup. */
  checkpointSeq: z.number().int().nonnegative(),
  /** Whether the file is still in the backups folder. */
  onDisk: z.boolean(),
  /** When the schedule removed it as one beyond those kept; null while kept. */
  removedAt: epochMs.nullable(),
})
export type BackupDto = z.infer<typeof backupSchema>

/** Installation-wide: a backup holds the whole database, every site's records in one file. */
export const backupScheduleSchema = z.object({
  everyHours: z.number().int().min(1, 'must be at least 1').max(168, 'must be at most 168 (a week)'),
  keepScheduled: z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365'),
})
export type BackupSchedule = z.infer<typeof backupScheduleSchema>

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
    description:
      'Takes an online backup of the database into the data folder’s backups directory, checks the written file and signs an audit checkpoint with it.',
    input: noInput,
    output: backupSchema,
  }),
  'system.backups': query({
    description:
      'The backup schedule and the backups taken, newest first: size, trigger, integrity check result, checkpoint and whether the file is still on disk.',
    input: z.strictObject(pageInput),
    output: pageOf(backupSchema).extend({
      schedule: backupScheduleSchema.extend({ updatedAt: epochMs.nullable() }),
      /** Where the files are. */
      backupsDir: z.string(),
      /** When the next scheduled backup falls due: the last one's time plus the interval; null before the first. */
      nextDueAt: epochMs.nullable(),
      /** The last scheduled run that could not write its file, until one succeeds; null when none failed. */
      lastFailure: z.object({ at: epochMs, message: z.string() }).nullable(),
    }),
  }),
  'system.setBackupSchedule': command({
    description:
      'Sets how often a scheduled backup is taken and how many scheduled backups are kept, for the whole installation.',
    input: z.strictObject(backupScheduleSchema.shape),
    output: backupScheduleSchema.extend({ updatedAt: epochMs.nullable() }),
  }),
}
