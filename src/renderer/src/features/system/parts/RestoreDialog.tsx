import Typography from '@mui/material/Typography'
import { formatTime } from '../../../format/time'
import { SignatureDialog } from '../../../ui/SignatureDialog'
import { useSession } from '../../session/use-session'
import { useSystem } from '../use-system'

/**
 * Restoring a backup, said plainly before the password signs it: what is lost, what is kept,
 * and that everyone is signed out while the console starts again on the restored data.
 */
export function RestoreDialog() {
  const backup = useSystem((state) => state.restoring)
  const saving = useSystem((state) => state.restoreSaving)
  const problem = useSystem((state) => state.restoreProblem)
  const restore = useSystem((state) => state.restore)
  const closeRestore = useSystem((state) => state.closeRestore)
  const sentBack = useSession((state) => state.sentBack)
  if (!backup) return null
  return (
    <SignatureDialog
      title={`Restore backup ${backup.file}?`}
      statement={`I restore the Gatehouse database to backup ${backup.file}, taken ${formatTime(backup.at)}, replacing everything recorded since then.`}
      submitLabel="Sign and restore"
      saving={saving}
      problem={problem}
      onSign={(password) =>
        void restore(password).then((notice) => {
          if (notice) sentBack(notice)
        })
      }
      onClose={closeRestore}
    >
      <Typography component="ul" variant="body2" sx={{ pl: 2, my: 2 }}>
        <li>The current database is backed up first, so nothing recorded until now is lost for good.</li>
        <li>A damaged backup, or one from another installation or a newer version, is refused and nothing changes.</li>
        <li>Every session ends, yours too: everyone signs in again.</li>
        <li>The console restarts on the restored data; the restore is recorded in its audit trail.</li>
      </Typography>
    </SignatureDialog>
  )
}
