import TextField from '@mui/material/TextField'
import type { Problem } from '../errors/problem'

interface IssueTextFieldProps {
  /** The input field name the server uses in its issues. */
  field: string
  label: string
  value: string
  onChange(value: string): void
  problem: Problem | null
  /** Shown while the field has no issue. */
  hint?: string
  type?: 'text' | 'password' | 'search'
  autoComplete?: string
  autoFocus?: boolean
  multiline?: boolean
}

/** A text field that shows the server's (or the form's own) issue for it under the input. */
export function IssueTextField({
  field,
  label,
  value,
  onChange,
  problem,
  hint,
  type = 'text',
  autoComplete,
  autoFocus,
  multiline,
}: IssueTextFieldProps) {
  const issue = problem?.fields[field]
  return (
    <TextField
      name={field}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      type={type}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      error={issue !== undefined}
      helperText={issue ?? hint}
    />
  )
}
