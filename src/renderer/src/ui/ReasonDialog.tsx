import DialogContentText from '@mui/material/DialogContentText'
import type { ReactNode } from 'react'
import { useState } from 'react'
import type { Problem } from '../errors/problem'
import { FormDialog } from './FormDialog'
import { IssueTextField } from './IssueTextField'

/**
 * A command that needs a person's reason on record (retire, revoke, correct): what it does, in
 * words, then the reason, required. The server's issue for `reason` shows under the field.
 */
export function ReasonDialog({
  title,
  submitLabel,
  danger = false,
  saving,
  problem,
  hint,
  onSubmit,
  onClose,
  children,
}: {
  title: string
  submitLabel: string
  danger?: boolean
  saving: boolean
  problem: Problem | null
  hint?: string
  onSubmit(reason: string): void
  onClose(): void
  children: ReactNode
}) {
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel}
      danger={danger}
      saving={saving}
      onSubmit={() => onSubmit(reason)}
      onClose={onClose}
      problem={problem}
    >
      <DialogContentText>{children}</DialogContentText>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        {...(hint === undefined ? {} : { hint })}
        multiline
        autoFocus
        required
      />
    </FormDialog>
  )
}
