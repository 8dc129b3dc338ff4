import Alert from '@mui/material/Alert'
import { useState } from 'react'
import type { ReactNode } from 'react'
import type { Problem } from '../errors/problem'
import { FormDialog } from './FormDialog'
import { IssueTextField } from './IssueTextField'

interface SignatureDialogProps {
  title: string
  /** What the person declares by signing, shown before the password is asked for. */
  statement: string
  submitLabel: string
  saving: boolean
  problem: Problem | null
  onSign(password: string): void
  onClose(): void
  /** Signing waits for a confirmation the dialog asks for above the password. */
  submitDisabled?: boolean
  children?: ReactNode
}

/** An electronic signature: the statement, then the signer's own password typed again. */
export function SignatureDialog({
  title,
  statement,
  submitLabel,
  saving,
  problem,
  onSign,
  onClose,
  submitDisabled,
  children,
}: SignatureDialogProps) {
  const [password, setPassword] = useState('')
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel}
      saving={saving}
      onSubmit={() => onSign(password)}
      onClose={onClose}
      submitDisabled={submitDisabled ?? false}
      problem={problem}
    >
      <Alert severity="info" icon={false} role="note" aria-label="Statement">
        {statement}
      </Alert>
      {children}
      <IssueTextField
        field="password"
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        problem={problem}
        autoComplete="current-password"
        autoFocus
        hint="Your own password, as your electronic signature."
      />
    </FormDialog>
  )
}
