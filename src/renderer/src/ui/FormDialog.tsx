import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import type { FormEvent, ReactNode } from 'react'
import type { Problem } from '../errors/problem'
import { IssueSummary } from './IssueSummary'
import { ProblemAlert } from './ProblemAlert'
import { useIssueSummary } from './use-issue-summary'

interface FormDialogProps {
  title: string
  submitLabel: string
  /** The button that leaves without doing anything; "Cancel" unless that would read as the action. */
  dismissLabel?: string
  saving: boolean
  onSubmit(): void
  onClose(): void
  /**
   * The failure of the last attempt: every field at fault is listed at the top by its label and
   * the first one focused; a failure no field shows is said in words.
   */
  problem?: Problem | null
  /** A failure that is not the form's (a dialog with no fields of its own). */
  alert?: string | null
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
  problem = null,
  alert = null,
  danger,
  submitDisabled = false,
  buttonsOnly = false,
  children,
}: FormDialogProps) {
  const { formRef, summary } = useIssueSummary(problem)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!submitDisabled) onSubmit()
  }
  return (
    <Dialog open onClose={saving || buttonsOnly ? undefined : onClose}>
      <form noValidate onSubmit={submit} ref={formRef}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <IssueSummary summary={summary} />
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
