import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { HandoverReportDto } from '../../../../../shared/contract/handover'
import { formatShortTime } from '../../../format/time'
import { describeExceeded } from '../../exposure/exposure-format'
import { PersonLink } from '../../exposure/parts/PersonLink'

/** Who breathed more than a limit allows in the handover's hours: each person's shift and every figure over. */
export function HandoverExposureList({ report }: { report: HandoverReportDto }) {
  if (report.exposureExceedances.length === 0) return <Typography>None.</Typography>
  return (
    <Box component="ul" aria-label="Exposure limits exceeded" sx={{ m: 0, pl: 3 }}>
      {report.exposureExceedances.map((row) => (
        <Box component="li" key={`${row.personKey}-${String(row.shiftStartsAt)}`} sx={{ mb: 0.5 }}>
          <Box component="span" sx={{ color: (theme) => theme.palette.severity.high.text, fontWeight: 700 }}>
            <PersonLink personKey={row.personKey}>{row.personName}</PersonLink>:{' '}
            {row.exceeded.map(describeExceeded).join('; ')}
          </Box>{' '}
          — shift from {formatShortTime(row.shiftStartsAt)}
          {row.ongoing ? ', still inside' : ''}, in {[...new Set(row.stays.map((stay) => stay.spaceTag))].join(', ')}
        </Box>
      ))}
    </Box>
  )
}
