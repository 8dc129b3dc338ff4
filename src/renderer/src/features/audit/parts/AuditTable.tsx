import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { formatTime } from '../../../format/time'
import { useAudit } from '../use-audit'

export function AuditTable() {
  const items = useAudit((state) => state.items)
  const loading = useAudit((state) => state.loading)
  return (
    <TableContainer component={Paper} variant="outlined">
      {loading ? <LinearProgress aria-label="Loading audit entries" /> : null}
      <Table aria-label="Audit log">
        <TableHead>
          <TableRow>
            <TableCell>Seq</TableCell>
            <TableCell>Time</TableCell>
            <TableCell>Actor</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Entity id</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.seq}>
              <TableCell>{entry.seq}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(entry.at)}</TableCell>
              <TableCell>{entry.actorName}</TableCell>
              <TableCell>{entry.action}</TableCell>
              <TableCell>{entry.entityType}</TableCell>
              <TableCell>{entry.entityId ?? '—'}</TableCell>
            </TableRow>
          ))}
          {items.length === 0 && !loading ? (
            <TableRow>
              <TableCell colSpan={6}>No audit entries yet.</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
