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

/** startup: the bounded check each start-up makes; scheduled and manual: SQLite's full integrity_check. */
export const integrityCheckTriggers = ['startup', 'scheduled', 'manual'] as const

export const integrityCheckSchema = z.object({
  id: z.number().int().positive(),
  /** When it started. */
  at: epochMs,
  trigger: z.enum(integrityCheckTriggers),
  /** `ok`, or the first problem it found (or why it could not run). */
  result: z.string(),
  durationMs: z.number().int().nonnegative(),
  /** The database's size in pages when checked. */
  pages: z.number().int().nonnegative(),
})
export type IntegrityCheckDto = z.infer<typeof integrityCheckSchema>

export const integrityCheckScheduleSchema = z.object({
  everyHours: z.number().int().min(1, 'must be at least 1').max(168, 'must be at most 168 (a week)'),
})
export type IntegrityCheckSchedule = z.infer<typeof integrityCheckScheduleSchema>

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
  'system.integrityChecks': query({
    description:
      'The database checks made, newest first: the bounded check of each start-up and the full integrity checks (scheduled or asked for), with their result, duration and size; the last of each, the full check running now, and the full check’s schedule.',
    input: z.strictObject(pageInput),
    output: pageOf(integrityCheckSchema).extend({
      schedule: integrityCheckScheduleSchema.extend({ updatedAt: epochMs.nullable() }),
      /** The last full check (scheduled or manual); null before the first. */
      lastFull: integrityCheckSchema.nullable(),
      /** The last start-up check; null before the first. */
      lastStartup: integrityCheckSchema.nullable(),
      /** The full check running now; null when none is. */
      running: z.object({ trigger: z.enum(integrityCheckTriggers), startedAt: epochMs }).nullable(),
      /** When the next scheduled full check falls due: the last full check’s start plus the interval; null before the first. */
      nextDueAt: epochMs.nullable(),
    }),
  }),
  'system.checkIntegrity': command({
    description:
      'Runs SQLite’s full integrity check of the database (every page, every index against its table) in a worker thread, records and audits its result, and notifies administrators if it found a problem. Refused while a full check is running.',
    input: noInput,
    output: integrityCheckSchema,
  }),
  'system.setIntegrityCheckSchedule': command({
    description: 'Sets how often the scheduled full integrity check of the database runs.',
    input: z.strictObject(integrityCheckScheduleSchema.shape),
    output: integrityCheckScheduleSchema.extend({ updatedAt: epochMs.nullable() }),
  }),
}
