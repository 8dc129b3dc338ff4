import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import type { AlarmDto } from '../../../../../shared/contract/alarms'
import { useMayCall } from '../../session/use-access'
import { isUnacknowledged } from '../../alarms/alarm-order'
import { useAlarmList } from '../use-alarm-list'

/** Acknowledge (this alarm, or all of its instrument's), and resolve once it has cleared and been seen. */
export function AlarmRowActions({ alarm }: { alarm: AlarmDto }) {
  const mayAcknowledge = useMayCall('alarms.acknowledge')
  const mayResolve = useMayCall('alarms.resolve')
  const acknowledging = useAlarmList((state) => state.acknowledging)
  const acknowledge = useAlarmList((state) => state.acknowledge)
  const acknowledgeInstrument = useAlarmList((state) => state.acknowledgeInstrument)
  const openResolve = useAlarmList((state) => state.openResolve)
  const unacknowledged = isUnacknowledged(alarm.state)
  const { instrumentId, instrumentSerial } = alarm
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-end', whiteSpace: 'nowrap' }}>
      {mayAcknowledge && unacknowledged ? (
        <Button
          size="small"
          variant="contained"
          disabled={acknowledging}
          aria-label={`Acknowledge alarm ${String(alarm.id)}`}
          onClick={() => void acknowledge([alarm.id])}
        >
          Acknowledge
        </Button>
      ) : null}
      {mayAcknowledge && unacknowledged && instrumentId !== null && instrumentSerial !== null ? (
        <Button
          size="small"
          variant="outlined"
          disabled={acknowledging}
          aria-label={`Acknowledge every alarm of ${instrumentSerial}`}
          onClick={() => void acknowledgeInstrument(instrumentId, instrumentSerial)}
        >
          All of {instrumentSerial}
        </Button>
      ) : null}
      {mayResolve && alarm.state === 'cleared_acknowledged' ? (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Resolve alarm ${String(alarm.id)}`}
          onClick={() => openResolve(alarm)}
        >
          Resolve
        </Button>
      ) : null}
    </Stack>
  )
}
