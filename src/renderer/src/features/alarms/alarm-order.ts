import type { AlarmDto, AlarmState } from '../../../../shared/contract/alarms'

export type AlarmPriority = AlarmDto['priority']

export const priorityLabels: Record<AlarmPriority, string> = { high: 'High', medium: 'Medium', low: 'Low' }

const priorityRank: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 }

/** What ordering needs of an alarm, whether it comes from the alarm list or a board card. */
export interface RankedAlarm {
  priority: AlarmPriority
  unacknowledged: boolean
  raisedAt: number
}

export const isUnacknowledged = (state: AlarmState): boolean =>
  state === 'active_unacknowledged' || state === 'cleared_unacknowledged'

/** ISA-18.2: the worst first (priority), then what nobody has seen yet, then the newest. */
export function compareAlarms(a: RankedAlarm, b: RankedAlarm): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    Number(b.unacknowledged) - Number(a.unacknowledged) ||
    b.raisedAt - a.raisedAt
  )
}

const ranked = (alarm: AlarmDto): RankedAlarm => ({
  priority: alarm.priority,
  unacknowledged: isUnacknowledged(alarm.state),
  raisedAt: alarm.raisedAt,
})

export const worstFirst = (alarms: readonly AlarmDto[]): AlarmDto[] =>
  [...alarms].sort((a, b) => compareAlarms(ranked(a), ranked(b)))

/**
 * The priority whose tone should sound: the worst of every unacknowledged alarm, listed in the
 * summary or not (the server works it out over all of them), or none.
 */
export function tonePriority(summary: { worstUnacknowledged: AlarmPriority | null }): AlarmPriority | null {
  return summary.worstUnacknowledged
}

/** A board card's alarm (flags, not a state) in ISA-18.2's states. */
export function cardAlarmState(alarm: { acknowledged: boolean; cleared: boolean }): AlarmState {
  if (alarm.cleared) return alarm.acknowledged ? 'cleared_acknowledged' : 'cleared_unacknowledged'
  return alarm.acknowledged ? 'active_acknowledged' : 'active_unacknowledged'
}
