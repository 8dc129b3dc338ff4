import type { BackupSchedule } from '../../shared/contract/system'
import type { Actor } from '../audit/audit-repository'
import type { Commit } from '../core/unit-of-work'
import { readSchedule, saveSchedule } from './backup-repository'

/** Sets the installation's backup schedule; it applies from the next check of the schedule. */
export function changeBackupSchedule(commit: Commit, actor: Actor, schedule: BackupSchedule) {
  return commit(actor, (tx, now) => {
    const before = readSchedule(tx)
    saveSchedule(tx, schedule, now)
    const after = readSchedule(tx)
    return {
      value: after,
      audit: {
        action: 'system.backup_schedule_changed',
        entityType: 'backup_schedule',
        entityId: null,
        before: { everyHours: before.everyHours, keepScheduled: before.keepScheduled },
        after: { everyHours: after.everyHours, keepScheduled: after.keepScheduled },
      },
      events: [{ name: 'system.backupsChanged', payload: { at: now } }],
    }
  })
}
