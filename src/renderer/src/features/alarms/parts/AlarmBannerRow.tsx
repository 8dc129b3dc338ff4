import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { alarmStateLabels } from '../../../../../shared/contract/alarms'
import type { AlarmDto } from '../../../../../shared/contract/alarms'
import { formatAge } from '../../../format/durations'
import { PermitLink } from '../../permits/parts/PermitLink'
import { isUnacknowledged } from '../alarm-order'
import { useAlarms } from '../use-alarms'
import { AlarmMarkers } from './AlarmMarkers'
import { PriorityBadge } from './PriorityBadge'
import { SeverityRow } from './SeverityRow'

/**
 * One open alarm in the banner: where, which permit, what, how long ago, and its state. Pairs
 * are stacked so a row stays one line of message wide even at 1366 pixels.
 */
export function AlarmBannerRow({
  alarm,
  now,
  mayAcknowledge,
}: {
  alarm: AlarmDto
  now: number
  mayAcknowledge: boolean
}) {
  const acknowledging = useAlarms((state) => state.acknowledging)
  const acknowledge = useAlarms((state) => state.acknowledge)
  const unacknowledged = isUnacknowledged(alarm.state)
  return (
    <SeverityRow
      priority={alarm.priority}
      filled={unacknowledged}
      aria-label={`${alarm.priority} priority alarm, ${alarm.spaceTag}, permit ${alarm.permitNumber}: ${alarm.message}`}
    >
      <PriorityBadge priority={alarm.priority} inverted={unacknowledged} />
      <Stack sx={{ lineHeight: 1.25 }}>
        <Box component="strong" sx={{ fontSize: '1.125rem' }}>
          {alarm.spaceTag}
        </Box>
        <PermitLink
          permitId={alarm.permitId}
          number={alarm.permitNumber}
          sx={{ color: 'inherit', fontSize: '0.875rem' }}
        />
      </Stack>
      <Box component="span" sx={{ fontWeight: 700, flex: '1 1 12rem' }}>
        {alarm.message}
      </Box>
      <Stack sx={{ lineHeight: 1.25, fontSize: '0.875rem' }}>
        <span>{formatAge(now - alarm.raisedAt)}</span>
        <span>{alarmStateLabels[alarm.state]}</span>
      </Stack>
      <AlarmMarkers latched={alarm.latched} />
      {unacknowledged && mayAcknowledge ? (
        <Button
          size="small"
          variant="outlined"
          color="inherit"
          disabled={acknowledging}
          aria-label={`Acknowledge the alarm on ${alarm.spaceTag}: ${alarm.message}`}
          onClick={() => void acknowledge([alarm.id])}
          sx={{ minHeight: 36 }}
        >
          Acknowledge
        </Button>
      ) : null}
    </SeverityRow>
  )
}
