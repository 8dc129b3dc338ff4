import Box from '@mui/material/Box'
import { alarmStateLabels } from '../../../../../shared/contract/alarms'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatAge } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'
import { cardAlarmState } from '../../alarms/alarm-order'
import { AlarmMarkers } from '../../alarms/parts/AlarmMarkers'
import { PriorityBadge } from '../../alarms/parts/PriorityBadge'
import { SeverityList, SeverityRow } from '../../alarms/parts/SeverityRow'

/** The permit's worst gas alarm (the server sends them worst first), and how many more it has. */
export function CardGasAlarm({ alarms }: { alarms: PermitCardDto['gasAlarms'] }) {
  const now = useServerNow()
  const worst = alarms[0]
  if (!worst) return null
  const unacknowledged = !worst.acknowledged
  const more = alarms.length - 1
  return (
    <SeverityList aria-label="Gas alarms">
      <SeverityRow priority={worst.priority} filled={unacknowledged}>
        <PriorityBadge priority={worst.priority} inverted={unacknowledged} />
        <Box component="span" sx={{ fontWeight: 700, fontSize: '1.125rem', flex: '1 1 12rem' }}>
          {worst.message}
        </Box>
        <span>{alarmStateLabels[cardAlarmState(worst)]}</span>
        <span>{formatAge(now - worst.raisedAt)}</span>
        <AlarmMarkers latched={worst.latched} />
        {more > 0 ? <strong>+{more} more</strong> : null}
      </SeverityRow>
    </SeverityList>
  )
}
