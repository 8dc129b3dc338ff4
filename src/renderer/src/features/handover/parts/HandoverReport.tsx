import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { HandoverReportDto } from '../../../../../shared/contract/handover'
import { formatShortTime, formatTime } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { HandoverAttendantsTable } from './HandoverAttendantsTable'
import { HandoverExposureList } from './HandoverExposureList'
import { HandoverPermitsTable } from './HandoverPermitsTable'
import { PermitLink } from '../../permits/parts/PermitLink'

/** An alarm named by its space and permit; reports signed before spaces were recorded name the permit only. */
const alarmWhere = (alarm: HandoverReportDto['openAlarms'][number]) =>
  alarm.spaceTag ? `${alarm.spaceTag} ${alarm.spaceName} — ${alarm.permitNumber}` : alarm.permitNumber

/** What the outgoing supervisor hands over, as of the moment it was drawn up (or as it was signed). */
export function HandoverReport({
  report,
  title = 'Handover report',
  signedAt,
  notes,
}: {
  report: HandoverReportDto
  title?: string
  signedAt?: number
  notes?: string
}) {
  return (
    <Section title={title}>
      <Typography sx={{ mb: 1 }}>
        {signedAt === undefined ? '' : `Signed ${formatTime(signedAt)}. `}
        Drawn up {formatTime(report.at)} for the next {report.shiftHours} h.{' '}
        <strong>
          {report.peopleInside} {report.peopleInside === 1 ? 'person' : 'people'} inside now.
        </strong>
      </Typography>
      {notes ? <Typography sx={{ mb: 1 }}>Notes: {notes}</Typography> : null}
      <Typography variant="h3" sx={{ mt: 2 }}>
        Open alarms
      </Typography>
      {report.openAlarms.length === 0 ? (
        <Typography>None.</Typography>
      ) : (
        <Box component="ul" aria-label="Open alarms" sx={{ color: 'error.main', fontWeight: 700, m: 0, pl: 3 }}>
          {report.openAlarms.map((alarm, index) => (
            <li key={`${alarm.permitNumber}-${String(index)}`}>
              {alarmWhere(alarm)}: {alarm.alarm}
            </li>
          ))}
        </Box>
      )}
      <Typography variant="h3" sx={{ mt: 2 }}>
        Exposure limits exceeded (last {report.shiftHours} h)
      </Typography>
      <HandoverExposureList report={report} />
      <Typography variant="h3" sx={{ mt: 2 }}>
        Active permits
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <HandoverPermitsTable report={report} />
      </Box>
      <Typography variant="h3" sx={{ mt: 2 }}>
        Attendants
      </Typography>
      <HandoverAttendantsTable report={report} />
      <Typography variant="h3" sx={{ mt: 2 }}>
        Expiring in the next {report.shiftHours} h
      </Typography>
      {report.expiringNextShift.length === 0 ? (
        <Typography>None.</Typography>
      ) : (
        <Box component="ul" aria-label="Expiring next shift" sx={{ m: 0, pl: 3 }}>
          {report.expiringNextShift.map((permit) => (
            <li key={permit.permitId}>
              <PermitLink permitId={permit.permitId} number={permit.permitNumber} /> ends{' '}
              {formatShortTime(permit.validTo)}
            </li>
          ))}
        </Box>
      )}
      <Typography variant="h3" sx={{ mt: 2 }}>
        Pending authorization
      </Typography>
      {report.pendingAuthorization.length === 0 ? (
        <Typography>None.</Typography>
      ) : (
        <Box component="ul" aria-label="Pending authorization" sx={{ m: 0, pl: 3 }}>
          {report.pendingAuthorization.map((permit) => (
            <li key={permit.permitId}>
              <PermitLink permitId={permit.permitId} number={permit.permitNumber} /> — {permit.spaceTag}{' '}
              {permit.spaceName}, prepared by {permit.preparedBy}, waiting since {formatShortTime(permit.since)}
            </li>
          ))}
        </Box>
      )}
    </Section>
  )
}
