import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { ExposureShiftDto, GasExposureDto } from '../../../../../shared/contract/exposure'
import { gasInfo } from '../../../../../shared/domain/gases'
import { formatShortTime, formatTime } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { SeverityChip } from '../../../ui/SeverityChip'
import { formatMinutes, formatPpm, measureLabel, verdict } from '../exposure-format'
import { StaysTable } from './StaysTable'

/** A figure and, under it, how it stands against its limit: above it in words on red, within it as plain text. */
function Figure({ gas, measure }: { gas: GasExposureDto; measure: 'twa' | 'stel' }) {
  const { exceeded, text } = verdict(gas, measure)
  return (
    <TableCell>
      <Typography component="span" sx={{ fontWeight: exceeded ? 700 : 400, display: 'block' }}>
        {formatPpm(gas[measure])}
      </Typography>
      {exceeded ? (
        <SeverityChip severity="high" label={text} />
      ) : (
        <Typography component="span" variant="body2" color="text.secondary">
          {text}
        </Typography>
      )}
    </TableCell>
  )
}

/** Minutes inside with no reading of the gas: zero in the TWA, but said, in amber words, because unknown is not zero. */
function Unknown({ minutes }: { minutes: number }) {
  if (minutes === 0) return <TableCell>None</TableCell>
  return (
    <TableCell sx={{ color: (theme) => theme.palette.severity.medium.text, fontWeight: 700 }}>
      {formatMinutes(minutes)} inside without readings
    </TableCell>
  )
}

/** One shift: its figures per gas against the limits, and the stays it is made of. */
export function ShiftExposureSection({ shift }: { shift: ExposureShiftDto }) {
  const title = `Shift from ${formatTime(shift.startsAt)}${shift.ongoing ? ' (someone still inside: so far)' : ''}`
  return (
    <Section title={title}>
      <Typography sx={{ mb: 1 }}>
        {shift.exceeded ? <SeverityChip severity="high" label="Limit exceeded" sx={{ mr: 1 }} /> : null}
        Inside {formatMinutes(shift.minutesInside)} in {shift.stays.length}{' '}
        {shift.stays.length === 1 ? 'stay' : 'stays'}, until {formatShortTime(shift.lastExitAt)}. Limits:{' '}
        {shift.limitProfiles.join(', ')} profile{shift.limitProfiles.length === 1 ? '' : 's'}
        {shift.limitProfiles.length > 1 ? ' (the strictest)' : ''}.
      </Typography>
      <Table size="small" aria-label={`Exposure in the shift from ${formatShortTime(shift.startsAt)}`}>
        <TableHead>
          <TableRow>
            <TableCell component="th">Gas</TableCell>
            <TableCell component="th">{measureLabel.twa}</TableCell>
            <TableCell component="th">{measureLabel.stel}</TableCell>
            <TableCell component="th">Peak minute</TableCell>
            <TableCell component="th">Without readings</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shift.gases.map((gas) => (
            <TableRow key={gas.gas}>
              <TableCell component="th" scope="row">
                {gasInfo[gas.gas].symbol}
              </TableCell>
              <Figure gas={gas} measure="twa" />
              <Figure gas={gas} measure="stel" />
              <TableCell>
                {gas.peak ? `${formatPpm(gas.peak.value)} at ${formatShortTime(gas.peak.minuteStart)}` : 'No reading'}
                {gas.stelFrom !== null && gas.stel > 0 ? (
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                    STEL from {formatShortTime(gas.stelFrom)}
                  </Typography>
                ) : null}
              </TableCell>
              <Unknown minutes={gas.minutesWithoutReadings} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h3" sx={{ mt: 2, mb: 1 }}>
        Stays
      </Typography>
      <StaysTable stays={shift.stays} label={`Stays in the shift from ${formatShortTime(shift.startsAt)}`} />
    </Section>
  )
}
