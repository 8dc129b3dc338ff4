import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Tooltip from '@mui/material/Tooltip'
import { readingKindLabels } from '../../../../../shared/contract/atmosphere'
import type { GasReadingDto } from '../../../../../shared/contract/atmosphere'
import { gases, gasInfo } from '../../../../../shared/domain/gases'
import type { Gas } from '../../../../../shared/domain/gases'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'

function GasCell({ reading, gas, plain }: { reading: GasReadingDto; gas: Gas; plain: boolean }) {
  const value = reading[gas]
  const evaluation = reading.evaluations.find((candidate) => candidate.gas === gas)
  if (value === null) return <TableCell align="right">—</TableCell>
  const failed = evaluation !== undefined && !evaluation.pass
  return (
    <TableCell
      align="right"
      title={evaluation?.message}
      sx={plain ? undefined : { color: failed ? 'error.main' : 'success.main', fontWeight: 700 }}
    >
      {value}
      {failed ? (
        <Box component="span" sx={{ ml: 0.5 }}>
          FAIL
        </Box>
      ) : null}
    </TableCell>
  )
}

/** The instrument, and why its reading deserves a second look (an overdue bump test or calibration). */
function InstrumentCell({ reading, plain }: { reading: GasReadingDto; plain: boolean }) {
  const reasons = reading.flagged.join(' ')
  if (reading.flagged.length === 0) return <TableCell>{reading.instrument}</TableCell>
  if (plain) return <TableCell>{`${reading.instrument} (flagged: ${reasons})`}</TableCell>
  return (
    <TableCell>
      {reading.instrument}{' '}
      <Tooltip title={reasons}>
        <SeverityChip severity="medium" label="Flagged" tabIndex={0} aria-label={`Flagged: ${reasons}`} />
      </Tooltip>
    </TableCell>
  )
}

/** Atmospheric tests, newest first, each gas marked against the permit's conditions (1910.146(f)(10)). */
export function TestsTable({ tests, plain = false }: { tests: readonly GasReadingDto[]; plain?: boolean }) {
  const newestFirst = [...tests].sort((a, b) => b.takenAt - a.takenAt)
  return (
    <Table size="small" aria-label="Atmospheric tests">
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell>
          {gases.map((gas) => (
            <TableCell key={gas} align="right">
              {gasInfo[gas].symbol} ({gasInfo[gas].unit})
            </TableCell>
          ))}
          <TableCell>Result</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Instrument</TableCell>
          <TableCell>Tester</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {newestFirst.map((reading) => (
          <TableRow key={reading.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(reading.takenAt)}</TableCell>
            {gases.map((gas) => (
              <GasCell key={gas} reading={reading} gas={gas} plain={plain} />
            ))}
            <TableCell
              sx={plain ? undefined : { color: reading.pass ? 'success.main' : 'error.main', fontWeight: 700 }}
            >
              {reading.pass ? 'Pass' : 'Fail'}
            </TableCell>
            <TableCell>{readingKindLabels[reading.kind]}</TableCell>
            <InstrumentCell reading={reading} plain={plain} />
            <TableCell>{reading.takenBy}</TableCell>
          </TableRow>
        ))}
        {tests.length === 0 ? (
          <TableRow>
            <TableCell colSpan={9}>No atmospheric tests recorded yet.</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  )
}
