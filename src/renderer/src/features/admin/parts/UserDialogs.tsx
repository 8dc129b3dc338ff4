import { useUsers } from '../use-users'
import { EditRolesDialog } from './EditRolesDialog'
import { NewUserDialog } from './NewUserDialog'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { SetActiveDialog } from './SetActiveDialog'
import { SetManagerDialog } from './SetManagerDialog'

/** The one open account dialog; each mounts fresh, so a reopened form starts empty. */
export function UserDialogs() {
  const dialog = useUsers((state) => state.dialog)
  switch (dialog?.kind) {
    case 'create':
      return <NewUserDialog />
    case 'roles':
      return <EditRolesDialog key={dialog.user.id} user={dialog.user} />
    case 'active':
      return <SetActiveDialog key={dialog.user.id} user={dialog.user} />
    case 'manager':
      return <SetManagerDialog key={dialog.user.id} user={dialog.user} />
    case 'password':
      return <ResetPasswordDialog key={dialog.user.id} user={dialog.user} />
    default:
      return null
  }
}
