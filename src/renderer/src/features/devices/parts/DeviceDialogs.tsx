import { useDevices } from '../use-devices'
import { DeviceTokenDialog } from './DeviceTokenDialog'
import { NewDeviceDialog } from './NewDeviceDialog'
import { RevokeDeviceDialog } from './RevokeDeviceDialog'

export function DeviceDialogs() {
  const dialog = useDevices((state) => state.dialog)
  switch (dialog?.kind) {
    case 'create':
      return <NewDeviceDialog />
    case 'token':
      return <DeviceTokenDialog key={dialog.device.id} device={dialog.device} token={dialog.token} />
    case 'revoke':
      return <RevokeDeviceDialog key={dialog.device.id} device={dialog.device} />
    default:
      return null
  }
}
