import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { DeviceDto } from '../../../../../shared/contract/devices'
import { messageOutside } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useDevices } from '../use-devices'

/** Revokes a token at once: the device's next request is refused. */
export function RevokeDeviceDialog({ device }: { device: DeviceDto }) {
  const saving = useDevices((state) => state.saving)
  const problem = useDevices((state) => state.dialogProblem)
  const revoke = useDevices((state) => state.revoke)
  const closeDialog = useDevices((state) => state.closeDialog)
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title={`Revoke ${device.name}`}
      submitLabel="Revoke token"
      danger
      saving={saving}
      onSubmit={() => void revoke(reason)}
      onClose={closeDialog}
      alert={messageOutside(problem, ['reason'])}
    >
      <DialogContentText>
        The device’s next request is refused. Readings it sends after this are lost until it has a new token.
      </DialogContentText>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        autoFocus
        required
        hint="Kept with the device’s record, e.g. tablet lost, gateway replaced."
      />
    </FormDialog>
  )
}
