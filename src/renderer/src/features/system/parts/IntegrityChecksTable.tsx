import Chip from '@mui/material/Chip'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { formatDuration } from '../../../../../shared/domain/atmosphere'
import { formatTime } from '../../../format/time'
import { TablePager } from '../../../ui/TablePager'
import { checkTriggerLabels } from '../integrity-format'
import { useIntegrityChecks } from '../use-integrity-checks'

function Result({ result }: { result: string }) {
  if (result === 'ok') return <Chip size="small" color="success" variant="outlined" label="OK" />
  return (
    <>
      <Chip size="small" color="error" label="Problem" /> {result}
    </>
  )
}

/** Every check, newest first, as the server pages them. */
export function IntegrityChecksTable() {
  const page = useIntegrityChecks((state) => state.page)
  const offset = useIntegrityChecks((state) => state.offset)
  const limit = useIntegrityChecks((state) => state.limit)
  const setPage = useIntegrityChecks((state) => state.setPage)
  const setLimit = useIntegrityChecks((state) => state.setLimit)
  if (!page) return null
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Database checks">
          <TableHead>
            <TableRow>
              <TableCell>Started</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>Result</TableCell>
              <TableCell align="right">Took</TableCell>
              <TableCell align="right">Pages</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map((check) => (
              <TableRow key={check.id}>
                <TableCell>{formatTime(check.at)}</TableCell>
                <TableCell>{checkTriggerLabels[check.trigger]}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  <Result result={check.result} />
                </TableCell>
                <TableCell align="right">{formatDuration(check.durationMs)}</TableCell>
                <TableCell align="right">{check.pages.toLocaleString('en-US')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager total={page.total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
    </>
  )
}
