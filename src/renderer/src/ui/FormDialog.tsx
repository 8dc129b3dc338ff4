import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import type { FormEvent, ReactNode } from 'react'
import { ProblemAlert } from './ProblemAlert'

interface FormDialogProps {
  title: string
  submitLabel: string
  /** The button that leaves without doing anything; "Cancel" unless that would read as the action. */
  dismissLabel?: string
  saving: boolean
  onSubmit(): void
  onClose(): void
  /** The alert text for failures no field of this dialog can show. */
  alert: string | null
  /** Destructive or safety actions are red. */
  danger?: boolean
  /** The action waits for something the form still lacks (a confirmation); the way out stays open. */
  submitDisabled?: boolean
  /** Escape and the backdrop do not close it: only its buttons do (a step that must not be skipped). */
  buttonsOnly?: boolean
  children: ReactNode
}

/** A dialog holding one form: its failure, a way out and one action. */
export function FormDialog({
  title,
  submitLabel,
  dismissLabel = 'Cancel',
  saving,
  onSubmit,
  onClose,
  alert,
  danger,
  submitDisabled = false,
  buttonsOnly = false,
  children,
}: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!submitDisabled) onSubmit()
  }
  return (
    <Dialog open onClose={saving || buttonsOnly ? undefined : onClose}>
      <form noValidate onSubmit={submit}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <ProblemAlert message={alert} />
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            {dismissLabel}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={danger ? 'error' : 'primary'}
            disabled={saving || submitDisabled}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
