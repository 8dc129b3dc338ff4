import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useDevices } from '../use-devices'
import { DeviceDialogs } from './DeviceDialogs'
import { DevicesTable } from './DevicesTable'

/** The Admin page's field devices: tokens that may post readings for one site, created and revoked here. */
export function DevicesSection() {
  const open = useDevices((state) => state.open)
  const problem = useDevices((state) => state.problem)
  const includeRevoked = useDevices((state) => state.includeRevoked)
  const setIncludeRevoked = useDevices((state) => state.setIncludeRevoked)
  const openDialog = useDevices((state) => state.openDialog)
  useEffect(() => open(), [open])
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 4, mb: 1 }}>
        <Typography variant="h2">Field devices</Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <FormControlLabel
            label="Include revoked"
            control={
              <Checkbox checked={includeRevoked} onChange={(event) => setIncludeRevoked(event.target.checked)} />
            }
          />
          <Button variant="contained" onClick={() => openDialog({ kind: 'create' })}>
            New device
          </Button>
        </Stack>
      </Stack>
      <ProblemAlert message={problem} />
      <DevicesTable />
      <DeviceDialogs />
    </>
  )
}
