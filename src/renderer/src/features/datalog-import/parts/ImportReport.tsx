import Alert from '@mui/material/Alert'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { alarmLevelLabels } from '../../../../../shared/domain/alarm-levels'
import { gasInfo } from '../../../../../shared/domain/gases'
import { formatTime } from '../../../format/time'
import { useDatalogImport } from '../use-datalog-import'

const count = new Intl.NumberFormat()

/** What the import did: readings stored and already there, the permits, and the breaches found in the file. */
export function ImportReport() {
  const report = useDatalogImport((state) => state.report)
  const before = useDatalogImport((state) => state.importedBefore)
  if (before)
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        This file was imported on {formatTime(before.importedAt)} by {before.importedBy} (as {before.fileName},{' '}
        {count.format(before.stored)} readings): nothing stored.
      </Alert>
    )
  if (!report) return null
  return (
    <>
      <Alert severity="success" sx={{ mb: 2 }}>
        {count.format(report.stored)} readings stored from {report.fileName}
        {report.alreadyStored > 0
          ? `; ${count.format(report.alreadyStored)} were already stored and kept as they were`
          : ''}
        .
      </Alert>
      <Typography sx={{ mb: 1 }}>
        Permit{report.permits.length === 1 ? '' : 's'} {report.permits.join(', ')}
        {report.from !== null && report.to !== null
          ? `, readings from ${formatTime(report.from)} to ${formatTime(report.to)}`
          : ''}
        .
      </Typography>
      {report.breaches.length === 0 ? (
        <Typography>No reading of the file breached an alarm level or the permit’s conditions.</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 1 }}>
            Breaches found in the file. Imported readings are history: they raised no alarm; they show on the trend
            charts.
          </Typography>
          <Table size="small" aria-label="Breaches found in the file" sx={{ maxWidth: 520 }}>
            <TableHead>
              <TableRow>
                <TableCell>Gas</TableCell>
                <TableCell>Level</TableCell>
                <TableCell align="right">Readings</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.breaches.map(({ gas, level, count: readings }) => (
                <TableRow key={`${gas}-${level}`}>
                  <TableCell>{gasInfo[gas].symbol}</TableCell>
                  <TableCell>{alarmLevelLabels[level]}</TableCell>
                  <TableCell align="right">{count.format(readings)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  )
}
