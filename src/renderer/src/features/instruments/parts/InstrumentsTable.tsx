import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { gasInfo } from '../../../../../shared/domain/gases'
import { formatShortDate, formatShortTime } from '../../../format/time'
import { TablePager } from '../../../ui/TablePager'
import { useMayCall } from '../../session/use-access'
import { useInstruments } from '../use-instruments'
import { InstrumentReadiness } from './InstrumentReadiness'

const orNone = (epochMs: number | null, format: (epochMs: number) => string): string =>
  epochMs === null ? 'None on record' : format(epochMs)

/** The register: each monitor, its sensors, its bump test and calibration, and when it last reported. */
export function InstrumentsTable() {
  const items = useInstruments((state) => state.items)
  const loading = useInstruments((state) => state.loading)
  const total = useInstruments((state) => state.total)
  const offset = useInstruments((state) => state.offset)
  const limit = useInstruments((state) => state.limit)
  const setPage = useInstruments((state) => state.setPage)
  const setLimit = useInstruments((state) => state.setLimit)
  const openDialog = useInstruments((state) => state.openDialog)
  const mayEdit = useMayCall('instruments.save')
  return (
    <Paper variant="outlined">
      {loading ? <LinearProgress aria-label="Loading instruments" /> : null}
      <TableContainer>
        <Table size="small" aria-label="Instruments">
          <TableHead>
            <TableRow>
              <TableCell>Serial</TableCell>
              <TableCell>Name and model</TableCell>
              <TableCell>Site</TableCell>
              <TableCell>Sensors</TableCell>
              <TableCell>Last bump test</TableCell>
              <TableCell>Calibration due</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Last reading</TableCell>
              {mayEdit ? <TableCell align="right">Actions</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((instrument) => (
              <TableRow key={instrument.id}>
                <TableCell sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{instrument.serial}</TableCell>
                <TableCell>
                  <Typography>{instrument.name}</Typography>
                  {instrument.model ? (
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      {instrument.model}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{instrument.siteName}</TableCell>
                <TableCell>{instrument.sensors.map((gas) => gasInfo[gas].symbol).join(', ')}</TableCell>
                <TableCell>{orNone(instrument.lastBumpAt, formatShortTime)}</TableCell>
                <TableCell>{orNone(instrument.calibrationDueAt, formatShortDate)}</TableCell>
                <TableCell>
                  <InstrumentReadiness instrument={instrument} />
                </TableCell>
                <TableCell>
                  {instrument.lastReadingAt === null ? 'Never' : formatShortTime(instrument.lastReadingAt)}
                </TableCell>
                {mayEdit ? (
                  <TableCell align="right">
                    <Button
                      size="small"
                      variant="outlined"
                      aria-label={`Edit ${instrument.serial}`}
                      onClick={() => openDialog({ kind: 'edit', instrument })}
                    >
                      Edit
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {items.length === 0 && !loading ? (
              <TableRow>
                <TableCell colSpan={mayEdit ? 9 : 8}>No instruments match.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager total={total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
    </Paper>
  )
}
