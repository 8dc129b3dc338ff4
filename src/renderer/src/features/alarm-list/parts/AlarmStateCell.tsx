import Typography from '@mui/material/Typography'
import { alarmResolutionLabels, alarmStateLabels } from '../../../../../shared/contract/alarms'
import type { AlarmDto } from '../../../../../shared/contract/alarms'
import { formatShortTime } from '../../../format/time'

/** The ISA-18.2 state in words, and who moved it along: acknowledged, cleared, resolved. */
export function AlarmStateCell({ alarm }: { alarm: AlarmDto }) {
  const details = [
    alarm.acknowledgedAt !== null
      ? `Acknowledged ${formatShortTime(alarm.acknowledgedAt)}${alarm.acknowledgedBy ? ` by ${alarm.acknowledgedBy}` : ''}`
      : null,
    alarm.clearedAt !== null ? `Cleared ${formatShortTime(alarm.clearedAt)}` : null,
    alarm.resolvedAt !== null
      ? `Resolved ${formatShortTime(alarm.resolvedAt)}${alarm.resolvedBy ? ` by ${alarm.resolvedBy}` : ''}` +
        (alarm.resolution ? `: ${alarmResolutionLabels[alarm.resolution]}` : '') +
        (alarm.helpSent === null ? '' : alarm.helpSent ? ', help was sent' : ', no help sent') +
        (alarm.resolutionNote ? ` (${alarm.resolutionNote})` : '')
      : null,
  ].filter((line) => line !== null)
  return (
    <>
      <Typography sx={{ fontWeight: 700 }}>{alarmStateLabels[alarm.state]}</Typography>
      {details.map((line) => (
        <Typography key={line} variant="body2" sx={{ color: 'text.secondary' }}>
          {line}
        </Typography>
      ))}
    </>
  )
}
