import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import { FormDialog } from '../../ui/FormDialog'
import { IssueTextField } from '../../ui/IssueTextField'
import { useSession } from './use-session'

/**
 * Changing one's own password. After an administrator's reset it opens by itself and the only
 * way out is signing out: the session can do nothing else until the password is the person's own.
 */
export function ChangePasswordDialog({ forced }: { forced: boolean }) {
  const problem = useSession((state) => state.passwordProblem)
  const saving = useSession((state) => state.pending)
  const changePassword = useSession((state) => state.changePassword)
  const close = useSession((state) => state.closeChangePassword)
  const logout = useSession((state) => state.logout)
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', newPasswordAgain: '' })
  const field = (name: keyof typeof form, label: string, hint?: string) => (
    <IssueTextField
      field={name}
      label={label}
      type="password"
      autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
      autoFocus={name === 'currentPassword'}
      value={form[name]}
      onChange={(value) => setForm((current) => ({ ...current, [name]: value }))}
      problem={problem}
      required
      {...(hint ? { hint } : {})}
    />
  )
  return (
    <FormDialog
      title={forced ? 'Choose a new password' : 'Change password'}
      submitLabel="Change password"
      dismissLabel={forced ? 'Sign out' : 'Cancel'}
      buttonsOnly={forced}
      saving={saving}
      onSubmit={() => void changePassword(form)}
      onClose={forced ? () => void logout() : close}
      problem={problem}
    >
      <DialogContentText>
        {forced
          ? 'An administrator set a temporary password for your account. Choose your own before you go on.'
          : 'Your other sessions will be signed out.'}
      </DialogContentText>
      {field('currentPassword', forced ? 'Temporary password' : 'Current password')}
      {field('newPassword', 'New password', 'At least 12 characters.')}
      {field('newPasswordAgain', 'New password again')}
    </FormDialog>
  )
}
