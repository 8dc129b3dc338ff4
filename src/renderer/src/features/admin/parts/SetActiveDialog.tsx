import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { UserDto } from '../../../../../shared/contract/identity'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useUsers } from '../use-users'
import { UserFormDialog } from './UserFormDialog'

/** Accounts are never deleted; switching one off or on again always says why. */
export function SetActiveDialog({ user }: { user: UserDto }) {
  const problem = useUsers((state) => state.dialogProblem)
  const saveActive = useUsers((state) => state.saveActive)
  const [reason, setReason] = useState('')
  const verb = user.active ? 'Deactivate' : 'Reactivate'
  const effect = user.active
    ? `${user.displayName} will be signed out and can no longer sign in. Their history stays in the audit log.`
    : `${user.displayName} will be able to sign in again with the roles they had.`
  return (
    <UserFormDialog
      title={`${verb} ${user.displayName}`}
      submitLabel={verb}
      onSubmit={() => void saveActive(reason)}
      problem={problem}
    >
      <DialogContentText>{effect}</DialogContentText>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        multiline
        autoFocus
        hint="Kept in the audit log."
      />
    </UserFormDialog>
  )
}
