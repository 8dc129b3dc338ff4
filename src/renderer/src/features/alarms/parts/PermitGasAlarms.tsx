import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { alarmStateLabels } from '../../../../../shared/contract/alarms'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatAge } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useMayCall } from '../../session/use-access'
import { cardAlarmState } from '../alarm-order'
import { useAlarms } from '../use-alarms'
import { AlarmMarkers } from './AlarmMarkers'
import { PriorityBadge } from './PriorityBadge'
import { SeverityList, SeverityRow } from './SeverityRow'

/** A permit's gas alarms that are not resolved yet, worst first, each to acknowledge where it is shown. */
export function PermitGasAlarms({ alarms }: { alarms: PermitCardDto['gasAlarms'] }) {
  const now = useServerNow()
  const mayAcknowledge = useMayCall('alarms.acknowledge')
  const acknowledging = useAlarms((state) => state.acknowledging)
  const acknowledge = useAlarms((state) => state.acknowledge)
  const problem = useAlarms((state) => state.acknowledgeProblem)
  if (alarms.length === 0) return null
  return (
    <Box sx={{ mb: 2 }}>
      <ProblemAlert message={problem} />
      <SeverityList aria-label="Gas alarms">
        {alarms.map((alarm) => (
          <SeverityRow key={alarm.id} priority={alarm.priority} filled={!alarm.acknowledged}>
            <PriorityBadge priority={alarm.priority} inverted={!alarm.acknowledged} />
            <Box component="span" sx={{ fontWeight: 700, fontSize: '1.125rem', flex: '1 1 16rem' }}>
              {alarm.message}
            </Box>
            <span>{alarmStateLabels[cardAlarmState(alarm)]}</span>
            <span>{formatAge(now - alarm.raisedAt)}</span>
            <AlarmMarkers latched={alarm.latched} />
            {mayAcknowledge && !alarm.acknowledged ? (
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                disabled={acknowledging}
                aria-label={`Acknowledge: ${alarm.message}`}
                onClick={() => void acknowledge([alarm.id])}
              >
                Acknowledge
              </Button>
            ) : null}
          </SeverityRow>
        ))}
      </SeverityList>
    </Box>
  )
}
