import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { HandoverReportDto } from '../../../../../shared/contract/handover'
import { formatShortTime, formatTime } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { HandoverAttendantsTable } from './HandoverAttendantsTable'
import { HandoverPermitsTable } from './HandoverPermitsTable'
import { PermitLink } from '../../permits/parts/PermitLink'

/** What the outgoing supervisor hands over, as of the moment it was drawn up. */
export function HandoverReport({ report }: { report: HandoverReportDto }) {
  return (
    <Section title="Handover report">
      <Typography sx={{ mb: 1 }}>
        Drawn up {formatTime(report.at)} for the next {report.shiftHours} h.{' '}
        <strong>
          {report.peopleInside} {report.peopleInside === 1 ? 'person' : 'people'} inside now.
        </strong>
      </Typography>
      <Typography variant="h3" sx={{ mt: 2 }}>
        Open alarms
      </Typography>
      {report.openAlarms.length === 0 ? (
        <Typography>None.</Typography>
      ) : (
        <Box component="ul" aria-label="Open alarms" sx={{ color: 'error.main', fontWeight: 700, m: 0, pl: 3 }}>
          {report.openAlarms.map((alarm, index) => (
            <li key={`${alarm.permitNumber}-${String(index)}`}>
              {alarm.permitNumber}: {alarm.alarm}
            </li>
          ))}
        </Box>
      )}
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
    </Section>
  )
}
