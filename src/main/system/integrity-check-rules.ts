import type { IntegrityCheckSchedule } from '../../shared/contract/system'

/** Until an administrator sets it: the full check runs daily. */
export const defaultIntegrityCheckSchedule: IntegrityCheckSchedule = { everyHours: 24 }

const hourMs = 3_600_000

/** When the next scheduled full check falls due; null: none ever ran, so one is due now. */
export const nextCheckDueAt = (lastFullAt: number | null, schedule: IntegrityCheckSchedule): number | null =>
  lastFullAt === null ? null : lastFullAt + schedule.everyHours * hourMs

export function isCheckDue(lastFullAt: number | null, schedule: IntegrityCheckSchedule, now: number): boolean {
  const due = nextCheckDueAt(lastFullAt, schedule)
  return due === null || now >= due
}
