import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { HandoverReportDto } from '../../../../../shared/contract/handover'
import { formatShortTime } from '../../../format/time'

/** Who attends which permit, and until when. */
export function HandoverAttendantsTable({ report }: { report: HandoverReportDto }) {
  return (
    <Table size="small" aria-label="Attendants">
      <TableHead>
        <TableRow>
          <TableCell>Permit</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Shift</TableCell>
          <TableCell>Shift end</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.attendants.map((attendant) => (
          <TableRow key={attendant.id}>
            <TableCell>{attendant.permitNumber}</TableCell>
            <TableCell>{attendant.fullName}</TableCell>
            <TableCell>{attendant.shiftName}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(attendant.shiftEnd)}</TableCell>
            <TableCell>{attendant.status.replace('_', ' ')}</TableCell>
          </TableRow>
        ))}
        {report.attendants.length === 0 ? (
          <TableRow>
            <TableCell colSpan={5}>No attendants assigned.</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  )
}
