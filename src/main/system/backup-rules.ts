import type { BackupSchedule } from '../../shared/contract/system'

/** Until an administrator sets a schedule: daily, the last two weeks kept. */
export const defaultBackupSchedule: BackupSchedule = { everyHours: 24, keepScheduled: 14 }

const hourMs = 3_600_000

/** When the next scheduled backup falls due; null: none was ever taken, so one is due now. */
export const nextDueAt = (lastScheduledAt: number | null, schedule: BackupSchedule): number | null =>
  lastScheduledAt === null ? null : lastScheduledAt + schedule.everyHours * hourMs

export function isDue(lastScheduledAt: number | null, schedule: BackupSchedule, now: number): boolean {
  const due = nextDueAt(lastScheduledAt, schedule)
  return due === null || now >= due
}

/**
 * Which scheduled backups to remove, given those still on disk newest first: everything older
 * than the newest `keepScheduled` that passed their check. A failed one never counts towards
 * those kept, so a run of damaged backups cannot push the last good ones off the disk.
 */
export function beyondKept<T extends { integrity: string }>(newestFirst: readonly T[], keepScheduled: number): T[] {
  let good = 0
  const index = newestFirst.findIndex((backup) => {
    if (good === keepScheduled) return true
    if (backup.integrity === 'ok') good += 1
    return false
  })
  return index === -1 ? [] : newestFirst.slice(index)
}
