import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { formatShortTime } from '../../format/time'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { PermitLink } from '../permits/parts/PermitLink'
import { StartSimulation } from './parts/StartSimulation'
import { useSimulator } from './use-simulator'

/** Simulated monitors for demos and training: which permits have one, and how much they have sent. */
export function SimulatorPanel() {
  const open = useSimulator((state) => state.open)
  const running = useSimulator((state) => state.running)
  const problem = useSimulator((state) => state.problem)
  const busy = useSimulator((state) => state.busy)
  const stop = useSimulator((state) => state.stop)
  useEffect(() => open(), [open])
  return (
    <>
      <Typography sx={{ mb: 2, maxWidth: '80ch' }}>
        A simulated monitor sends a reading a second, with noise, slow drift and the odd excursion, through the same
        path as a real one, so alarms and the board behave as they would. Every simulated reading is marked as
        simulated, and a monitor stops by itself when its permit closes.
      </Typography>
      <ProblemAlert message={problem} />
      <StartSimulation />
      <TableContainer component={Paper} variant="outlined">
        <Table aria-label="Simulated monitors">
          <TableHead>
            <TableRow>
              <TableCell>Permit</TableCell>
              <TableCell>Instrument</TableCell>
              <TableCell>Started</TableCell>
              <TableCell align="right">Readings</TableCell>
              <TableCell align="right">
                {running.length > 0 ? (
                  <Button size="small" variant="outlined" color="error" disabled={busy} onClick={() => void stop()}>
                    Stop all
                  </Button>
                ) : (
                  'Actions'
                )}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {running.map((entry) => (
              <TableRow key={entry.permitId}>
                <TableCell>
                  <PermitLink permitId={entry.permitId} number={entry.permitNumber} />
                </TableCell>
                <TableCell>{entry.instrumentSerial}</TableCell>
                <TableCell>{formatShortTime(entry.startedAt)}</TableCell>
                <TableCell align="right">{entry.readings}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    variant="outlined"
                    disabled={busy}
                    aria-label={`Stop the simulation of ${entry.permitNumber}`}
                    onClick={() => void stop([entry.permitId])}
                  >
                    Stop
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {running.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5}>No simulated monitor is running.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  )
}
