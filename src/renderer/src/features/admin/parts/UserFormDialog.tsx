import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import type { FormEvent, ReactNode } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useUsers } from '../use-users'

interface UserFormDialogProps {
  title: string
  submitLabel: string
  onSubmit(): void
  /** The alert text for failures no field of this dialog can show. */
  alert: string | null
  children: ReactNode
}

/** The frame every account dialog shares: a form, its failure, Cancel and one action. */
export function UserFormDialog({ title, submitLabel, onSubmit, alert, children }: UserFormDialogProps) {
  const saving = useUsers((state) => state.saving)
  const closeDialog = useUsers((state) => state.closeDialog)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <Dialog open onClose={saving ? undefined : closeDialog}>
      <form noValidate onSubmit={submit}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ProblemAlert message={alert} />
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={closeDialog} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
