import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import LinearProgress from '@mui/material/LinearProgress'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { BackupDto } from '../../../../../shared/contract/system'
import { formatShortTime, formatTime } from '../../../format/time'
import { TablePager } from '../../../ui/TablePager'
import { formatMegabytes } from '../backup-format'
import { useMayCall } from '../../session/use-access'
import { useSystem } from '../use-system'
import { RestoreDialog } from './RestoreDialog'

const triggerLabels: Record<BackupDto['trigger'], string> = { manual: 'Manual', scheduled: 'Scheduled' }

function Integrity({ integrity }: { integrity: string }) {
  if (integrity === 'ok') return <Chip size="small" color="success" variant="outlined" label="OK" />
  return (
    <>
      <Chip size="small" color="error" label="Problem" /> {integrity}
    </>
  )
}

const whereItIs = (backup: BackupDto) =>
  backup.removedAt !== null
    ? `Removed ${formatShortTime(backup.removedAt)}${backup.onDisk ? ' (file still there)' : ''}`
    : backup.onDisk
      ? 'On disk'
      : 'Missing from disk'

/** Every backup, newest first, as the server pages them. */
export function BackupsTable() {
  const backups = useSystem((state) => state.backups)
  const loading = useSystem((state) => state.loading)
  const total = useSystem((state) => state.total)
  const offset = useSystem((state) => state.offset)
  const limit = useSystem((state) => state.limit)
  const setPage = useSystem((state) => state.setPage)
  const setLimit = useSystem((state) => state.setLimit)
  const openRestore = useSystem((state) => state.openRestore)
  const mayRestore = useMayCall('database.restore')
  return (
    <>
      {loading ? <LinearProgress aria-label="Loading backups" /> : null}
      <TableContainer>
        <Table size="small" aria-label="Backups">
          <TableHead>
            <TableRow>
              <TableCell>Taken</TableCell>
              <TableCell>File</TableCell>
              <TableCell align="right">Size</TableCell>
              <TableCell>Trigger</TableCell>
              <TableCell>Integrity check</TableCell>
              <TableCell align="right">Checkpoint at entry</TableCell>
              <TableCell>File kept</TableCell>
              {mayRestore ? <TableCell align="right">Restore</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {backups.map((backup) => (
              <TableRow key={backup.id}>
                <TableCell>{formatTime(backup.at)}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{backup.file}</TableCell>
                <TableCell align="right">{formatMegabytes(backup.bytes)}</TableCell>
                <TableCell>{triggerLabels[backup.trigger]}</TableCell>
                <TableCell>
                  <Integrity integrity={backup.integrity} />
                </TableCell>
                <TableCell align="right">{backup.checkpointSeq}</TableCell>
                <TableCell>{whereItIs(backup)}</TableCell>
                {mayRestore ? (
                  <TableCell align="right">
                    {/* Only a file that is there and passed its check can be put back. */}
                    {backup.onDisk && backup.integrity === 'ok' ? (
                      <Button
                        size="small"
                        variant="outlined"
                        color="error"
                        aria-label={`Restore… ${backup.file}`}
                        onClick={() => openRestore(backup)}
                      >
                        Restore…
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {backups.length === 0 && !loading ? (
              <TableRow>
                <TableCell colSpan={mayRestore ? 8 : 7}>No backups yet.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager total={total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
      <RestoreDialog />
    </>
  )
}
