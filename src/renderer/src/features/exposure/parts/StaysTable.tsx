import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { ExposureStayDto } from '../../../../../shared/contract/exposure'
import { formatShortTime } from '../../../format/time'
import { PermitLink } from '../../permits/parts/PermitLink'

/** Each time inside: the space, the permit it was under, in and out. */
export function StaysTable({ stays, label }: { stays: readonly ExposureStayDto[]; label: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell component="th">Space</TableCell>
          <TableCell component="th">Permit</TableCell>
          <TableCell component="th">In</TableCell>
          <TableCell component="th">Out</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {stays.map((stay) => (
          <TableRow key={`${String(stay.permitId)}-${String(stay.entryAt)}`}>
            <TableCell>
              {stay.spaceTag} {stay.spaceName}
            </TableCell>
            <TableCell>
              <PermitLink permitId={stay.permitId} number={stay.permitNumber} />
            </TableCell>
            <TableCell>{formatShortTime(stay.entryAt)}</TableCell>
            <TableCell>{stay.exitAt === null ? 'Still inside' : formatShortTime(stay.exitAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
