import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { EntryPairDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'

/** Every entry with its exit (the entry log), oldest first. */
export function EntriesTable({ entries }: { entries: readonly EntryPairDto[] }) {
  return (
    <Table size="small" aria-label="Entries and exits">
      <TableHead>
        <TableRow>
          <TableCell>Person</TableCell>
          <TableCell>Entry time</TableCell>
          <TableCell>Exit time</TableCell>
          <TableCell>Remarks</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((pair) => (
          <TableRow key={`${pair.personKey}-${String(pair.entryTime)}`}>
            <TableCell>{pair.personName}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(pair.entryTime)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {pair.exitTime === null ? 'Still inside' : formatShortTime(pair.exitTime)}
            </TableCell>
            <TableCell>{pair.remarks}</TableCell>
          </TableRow>
        ))}
        {entries.length === 0 ? (
          <TableRow>
            <TableCell colSpan={4}>Nobody has entered under this permit.</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  )
}
