import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { UserDto } from '../../../../../shared/contract/identity'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useUsers } from '../use-users'
import { UserFormDialog } from './UserFormDialog'

/**
 * The administrator types the temporary password and passes it on themselves; it is shown as
 * typed so they can read it out. It opens nothing but the person's own change-password dialog.
 */
export function ResetPasswordDialog({ user }: { user: UserDto }) {
  const problem = useUsers((state) => state.dialogProblem)
  const resetPassword = useUsers((state) => state.resetPassword)
  const [temporaryPassword, setTemporaryPassword] = useState('')
  return (
    <UserFormDialog
      title={`Reset password of ${user.displayName}`}
      submitLabel="Reset password"
      onSubmit={() => void resetPassword(temporaryPassword)}
      problem={problem}
    >
      <DialogContentText>
        {user.displayName} will be signed out everywhere. With this temporary password they can only choose a new
        password of their own.
      </DialogContentText>
      <IssueTextField
        field="temporaryPassword"
        label="Temporary password"
        value={temporaryPassword}
        onChange={setTemporaryPassword}
        problem={problem}
        autoComplete="off"
        autoFocus
        required
        hint="At least 12 characters. Give it to them in person or by phone."
      />
    </UserFormDialog>
  )
}
