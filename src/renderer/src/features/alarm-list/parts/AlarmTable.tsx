import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { formatShortTime } from '../../../format/time'
import { PermitLink } from '../../permits/parts/PermitLink'
import { AlarmMarkers } from '../../alarms/parts/AlarmMarkers'
import { PriorityBadge } from '../../alarms/parts/PriorityBadge'
import { useAlarmList } from '../use-alarm-list'
import { AlarmRowActions } from './AlarmRowActions'
import { AlarmStateCell } from './AlarmStateCell'

/** Alarms newest first: priority, when, where, what, and how far along ISA-18.2's states. */
export function AlarmTable() {
  const items = useAlarmList((state) => state.items)
  const loaded = useAlarmList((state) => state.loaded)
  const loading = useAlarmList((state) => state.loading)
  return (
    <Paper variant="outlined">
      {loading && !loaded ? <LinearProgress aria-label="Loading alarms" /> : null}
      <TableContainer>
        <Table size="small" aria-label="Alarm list">
          <TableHead>
            <TableRow>
              <TableCell>Priority, raised</TableCell>
              <TableCell>Where</TableCell>
              <TableCell sx={{ width: '35%' }}>Alarm</TableCell>
              <TableCell>State</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((alarm) => (
              <TableRow key={alarm.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <PriorityBadge priority={alarm.priority} />
                  <Typography variant="body2" sx={{ mt: 0.5 }}>
                    {formatShortTime(alarm.raisedAt)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Typography sx={{ fontWeight: 700 }}>{alarm.spaceTag}</Typography>
                  <PermitLink permitId={alarm.permitId} number={alarm.permitNumber} />
                </TableCell>
                <TableCell>
                  <Typography>{alarm.message}</Typography>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    {alarm.instrumentSerial ? (
                      <Box component="span" sx={{ color: 'text.secondary' }}>
                        {alarm.instrumentSerial}
                      </Box>
                    ) : null}
                    <AlarmMarkers latched={alarm.latched} firstOut={alarm.firstOut} />
                  </Stack>
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  <AlarmStateCell alarm={alarm} />
                </TableCell>
                <TableCell>
                  <AlarmRowActions alarm={alarm} />
                </TableCell>
              </TableRow>
            ))}
            {loaded && items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5}>No alarms match these filters.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  )
}
