import LinearProgress from '@mui/material/LinearProgress'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { MouseEvent } from 'react'
import type { AuditEntryDto } from '../../../../../shared/contract/audit'
import { formatTime, workstationZone } from '../../../format/time'
import { isWholeTrail } from '../audit-filter'
import { useAudit } from '../use-audit'
import { EntityName } from './EntityName'

function AuditRow({ entry }: { entry: AuditEntryDto }) {
  const showDetail = useAudit((state) => state.showDetail)
  const open = () => showDetail(entry.seq)
  // A click anywhere on the row opens the entry; the link and the button do their own thing.
  const onRowClick = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('a, button')) open()
  }
  return (
    <TableRow hover onClick={onRowClick} sx={{ cursor: 'pointer' }}>
      <TableCell sx={{ color: 'text.secondary' }}>{entry.seq}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(entry.at)}</TableCell>
      <TableCell>{entry.actorName}</TableCell>
      <TableCell>
        <Link
          component="button"
          type="button"
          color="inherit"
          underline="hover"
          onClick={open}
          aria-haspopup="dialog"
          sx={{ textAlign: 'left', font: 'inherit' }}
        >
          {entry.summary}
        </Link>
      </TableCell>
      <TableCell>
        <EntityName entry={entry} />
      </TableCell>
    </TableRow>
  )
}

/** The trail, one entry a row in words; a row opens the entry whole. */
export function AuditTable() {
  const items = useAudit((state) => state.items)
  const loading = useAudit((state) => state.loading)
  const filtered = useAudit((state) => !isWholeTrail(state.filter))
  return (
    <TableContainer component={Paper} variant="outlined">
      {loading ? <LinearProgress aria-label="Loading audit entries" /> : null}
      <Table size="small" aria-label="Audit log">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '5rem' }}>Entry</TableCell>
            <TableCell sx={{ width: '14rem' }}>
              Time{' '}
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
                ({workstationZone()})
              </Typography>
            </TableCell>
            <TableCell sx={{ width: '14rem' }}>Who</TableCell>
            <TableCell>What happened</TableCell>
            <TableCell sx={{ width: '16rem' }}>Record</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((entry) => (
            <AuditRow key={entry.seq} entry={entry} />
          ))}
          {items.length === 0 && !loading ? (
            <TableRow>
              <TableCell colSpan={5}>{filtered ? 'No entry matches this filter.' : 'No audit entries yet.'}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
