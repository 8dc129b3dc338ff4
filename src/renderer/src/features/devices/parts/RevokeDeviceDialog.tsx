import type { DeviceDto } from '../../../../../shared/contract/devices'
import { ReasonDialog } from '../../../ui/ReasonDialog'
import { useDevices } from '../use-devices'

/** Revokes a token at once: the device's next request is refused. */
export function RevokeDeviceDialog({ device }: { device: DeviceDto }) {
  const saving = useDevices((state) => state.saving)
  const problem = useDevices((state) => state.dialogProblem)
  const revoke = useDevices((state) => state.revoke)
  const closeDialog = useDevices((state) => state.closeDialog)
  return (
    <ReasonDialog
      title={`Revoke ${device.name}`}
      submitLabel="Revoke token"
      danger
      saving={saving}
      problem={problem}
      hint="Kept with the device’s record, e.g. tablet lost, gateway replaced."
      onSubmit={(reason) => void revoke(reason)}
      onClose={closeDialog}
    >
      The device’s next request is refused. Readings it sends after this are lost until it has a new token.
    </ReasonDialog>
  )
}
