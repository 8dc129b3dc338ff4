import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { datalogFields, datalogLayout } from '../../../../../shared/contract/datalog'

/** The documented column layout: what each column holds and the header names taken for it. */
export function ColumnLayout() {
  return (
    <Table size="small" aria-label="Column layout" sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>Column</TableCell>
          <TableCell>Holds</TableCell>
          <TableCell>Headers taken (any case)</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {datalogFields.map((field) => {
          const { label, required, description, headers } = datalogLayout[field]
          return (
            <TableRow key={field}>
              <TableCell>
                {label}
                {required ? ' (required)' : ''}
              </TableCell>
              <TableCell>{description}</TableCell>
              <TableCell>{headers.join(', ')}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
