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
import type { DeviceDto } from '../../../../../shared/contract/devices'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'
import { useDevices } from '../use-devices'

function DeviceStatus({ device }: { device: DeviceDto }) {
  if (device.revokedAt === null) return <SeverityChip severity="ok" label="Active" />
  return (
    <>
      <SeverityChip severity="low" label="Revoked" />
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
        {formatShortTime(device.revokedAt)}
        {device.revokedReason ? `: ${device.revokedReason}` : ''}
      </Typography>
    </>
  )
}

export function DevicesTable() {
  const devices = useDevices((state) => state.devices)
  const loading = useDevices((state) => state.loading)
  const openDialog = useDevices((state) => state.openDialog)
  return (
    <Paper variant="outlined">
      {loading ? <LinearProgress aria-label="Loading devices" /> : null}
      <TableContainer>
        <Table aria-label="Field devices">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Site</TableCell>
              <TableCell>Token</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Last used</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {devices.map((device) => (
              <TableRow key={device.id}>
                <TableCell sx={{ fontWeight: 700 }}>{device.name}</TableCell>
                <TableCell>{device.siteName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{device.tokenPrefix}…</TableCell>
                <TableCell>
                  {formatShortTime(device.createdAt)}
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    by {device.createdBy}
                  </Typography>
                </TableCell>
                <TableCell>{device.lastUsedAt === null ? 'Never' : formatShortTime(device.lastUsedAt)}</TableCell>
                <TableCell>
                  <DeviceStatus device={device} />
                </TableCell>
                <TableCell align="right">
                  {device.revokedAt === null ? (
                    <Button
                      size="small"
                      variant="outlined"
                      color="error"
                      aria-label={`Revoke ${device.name}`}
                      onClick={() => openDialog({ kind: 'revoke', device })}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
            {devices.length === 0 && !loading ? (
              <TableRow>
                <TableCell colSpan={7}>No field devices.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  )
}
