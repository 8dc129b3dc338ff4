import Alert from '@mui/material/Alert'
import Snackbar from '@mui/material/Snackbar'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { useSession } from './use-session'

/** The change-password dialog the user's menu opens, and the word that it worked. */
export function PasswordChange() {
  const open = useSession((state) => state.changingPassword)
  const notice = useSession((state) => state.passwordNotice)
  const dismiss = useSession((state) => state.dismissPasswordNotice)
  return (
    <>
      {open ? <ChangePasswordDialog forced={false} /> : null}
      <Snackbar open={notice !== null} autoHideDuration={8000} onClose={dismiss}>
        <Alert severity="success" onClose={dismiss} variant="filled">
          {notice}
        </Alert>
      </Snackbar>
    </>
  )
}
