import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import { datalogFields, datalogLayout } from '../../../../../shared/contract/datalog'
import type { DatalogField } from '../../../../../shared/contract/datalog'
import { useDatalogImport } from '../use-datalog-import'

const none = 'none'

/** The first rows of the file under their headers, each column labelled with the field it became; the choice per field can be changed. */
export function MappingPreview({ disabled }: { disabled: boolean }) {
  const header = useDatalogImport((state) => state.header)
  const preview = useDatalogImport((state) => state.preview)
  const mapping = useDatalogImport((state) => state.mapping)
  const setColumn = useDatalogImport((state) => state.setColumn)
  const fieldOfColumn = new Map<number, DatalogField>()
  for (const field of datalogFields) {
    const position = mapping[field]
    if (position !== undefined) fieldOfColumn.set(position, field)
  }
  return (
    <>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }}>
        {datalogFields.map((field) => (
          <TextField
            key={field}
            select
            size="small"
            label={datalogLayout[field].label}
            value={mapping[field] === undefined ? none : String(mapping[field])}
            onChange={(event) => setColumn(field, event.target.value === none ? null : Number(event.target.value))}
            disabled={disabled}
            required={datalogLayout[field].required}
            fullWidth={false}
            sx={{ width: 200 }}
          >
            <MenuItem value={none}>{datalogLayout[field].required ? 'Choose a column' : 'Not in the file'}</MenuItem>
            {header.map((name, position) => (
              <MenuItem key={position} value={String(position)}>
                {name || `Column ${String(position + 1)}`}
              </MenuItem>
            ))}
          </TextField>
        ))}
      </Stack>
      <TableContainer>
        <Table size="small" aria-label="First rows of the file">
          <TableHead>
            <TableRow>
              <TableCell>Row</TableCell>
              {header.map((name, position) => {
                const field = fieldOfColumn.get(position)
                return (
                  <TableCell key={position}>
                    {name}
                    <br />
                    {field ? `→ ${datalogLayout[field].label}` : '(not imported)'}
                  </TableCell>
                )
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.map(({ cells, line }) => (
              <TableRow key={line}>
                <TableCell>{line}</TableCell>
                {header.map((_name, position) => (
                  <TableCell key={position}>{cells[position] ?? ''}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  )
}
