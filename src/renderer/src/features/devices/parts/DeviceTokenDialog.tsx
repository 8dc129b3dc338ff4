import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { DeviceDto } from '../../../../../shared/contract/devices'
import { useDevices } from '../use-devices'

type CopyState = 'idle' | 'copied' | 'failed'

/** The new token, once: it is never shown again, so the dialog says so and offers a copy. */
export function DeviceTokenDialog({ device, token }: { device: DeviceDto; token: string }) {
  const closeDialog = useDevices((state) => state.closeDialog)
  const [copy, setCopy] = useState<CopyState>('idle')
  const copyToken = async () => {
    // The clipboard may be missing or refused (no focus, no permission); the field can be copied by hand.
    try {
      await navigator.clipboard.writeText(token)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }
  return (
    <Dialog open onClose={closeDialog} aria-describedby="device-token-warning">
      <DialogTitle>Token for {device.name}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" id="device-token-warning" sx={{ mb: 2 }}>
          Copy this token now and put it in the device’s settings. It will not be shown again: Gatehouse keeps only a
          fingerprint of it. If it is lost, revoke this device and create a new token.
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            label="Device token"
            value={token}
            margin="none"
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
            onFocus={(event) => event.target.select()}
          />
          <Button variant="contained" onClick={() => void copyToken()} sx={{ flexShrink: 0 }}>
            Copy
          </Button>
        </Stack>
        <DialogContentText role="status" sx={{ mt: 1, minHeight: '1.5em' }}>
          {copy === 'copied' ? 'Copied to the clipboard.' : null}
          {copy === 'failed' ? 'The clipboard is not available: select the token and copy it by hand.' : null}
        </DialogContentText>
        <DialogContentText>
          It may post readings for {device.siteName} only. Its first characters, {device.tokenPrefix}, identify it in
          the list.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={closeDialog}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  )
}
