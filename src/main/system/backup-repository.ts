import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { BackupDto, BackupSchedule } from '../../shared/contract/system'
import type { Db } from '../db/database'
import { backupSettings, backups } from '../db/schema'
import { defaultBackupSchedule } from './backup-rules'

export type BackupRow = typeof backups.$inferSelect

export function readSchedule(db: Db): BackupSchedule & { updatedAt: number | null } {
  const row = db.select().from(backupSettings).where(eq(backupSettings.id, 1)).get()
  return row
    ? { everyHours: row.everyHours, keepScheduled: row.keepScheduled, updatedAt: row.updatedAt }
    : { ...defaultBackupSchedule, updatedAt: null }
}

export function saveSchedule(db: Db, schedule: BackupSchedule, now: number): void {
  const values = { everyHours: schedule.everyHours, keepScheduled: schedule.keepScheduled, updatedAt: now }
  db.insert(backupSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: backupSettings.id, set: values })
    .run()
}

export const insertBackup = (db: Db, row: Omit<BackupRow, 'id' | 'removedAt'>): BackupRow =>
  db.insert(backups).values(row).returning().get()

/** The newest scheduled backup's time, removed or not: the schedule counts from it. */
export const lastScheduledAt = (db: Db): number | null =>
  db
    .select({ at: backups.at })
    .from(backups)
    .where(eq(backups.trigger, 'scheduled'))
    .orderBy(desc(backups.at))
    .limit(1)
    .get()?.at ?? null

/** Scheduled backups the schedule has not removed, newest first: the kept ones and the few beyond them. */
export const keptScheduled = (db: Db): BackupRow[] =>
  db
    .select()
    .from(backups)
    .where(and(eq(backups.trigger, 'scheduled'), isNull(backups.removedAt)))
    .orderBy(desc(backups.at), desc(backups.id))
    .all()

export function markRemoved(db: Db, ids: readonly number[], now: number): void {
  if (ids.length > 0)
    db.update(backups)
      .set({ removedAt: now })
      .where(inArray(backups.id, [...ids]))
      .run()
}

export function pageOfBackups(db: Db, limit: number, offset: number) {
  const items = db.select().from(backups).orderBy(desc(backups.at), desc(backups.id)).limit(limit).offset(offset).all()
  const total = db.select({ n: count() }).from(backups).get()?.n ?? 0
  return { items, total }
}

export const toBackupDto = (row: BackupRow, onDisk: boolean): BackupDto => ({
  id: row.id,
  file: row.file,
  bytes: row.bytes,
  at: row.at,
  trigger: row.trigger,
  integrity: row.integrity,
  checkpointSeq: row.checkpointSeq,
  onDisk,
  removedAt: row.removedAt,
})
