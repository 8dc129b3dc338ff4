import TextField from '@mui/material/TextField'
import type { ReactNode, Ref } from 'react'
import { issueAt } from '../errors/problem'
import type { Problem } from '../errors/problem'

interface IssueTextFieldProps {
  /** The input path the server uses in its issues ("purpose", "conditions.o2Min"). */
  field: string
  label: string
  value: string
  onChange(value: string): void
  problem: Problem | null
  /** Shown while the field has no issue. */
  hint?: ReactNode
  /** A finding of the window's own that outranks the hint (a gas failing as it is typed). */
  warning?: string
  type?: 'text' | 'password' | 'search' | 'number' | 'datetime-local' | 'date'
  autoComplete?: string
  autoFocus?: boolean
  multiline?: boolean
  required?: boolean
  disabled?: boolean
  /** Renders a select; the options are the children (MenuItem). */
  select?: boolean
  children?: ReactNode
  /** Numbers: the step the spinner moves by ("any" for decimals). */
  step?: string
  endAdornment?: ReactNode
  /** The input, to move focus to it (a select's handle focuses its button). */
  inputRef?: Ref<HTMLInputElement>
}

/** A text field that shows the server's (or the form's own) issue for it under the input. */
export function IssueTextField({
  field,
  label,
  value,
  onChange,
  problem,
  hint,
  warning,
  type = 'text',
  autoComplete,
  autoFocus,
  multiline,
  required,
  disabled,
  select,
  children,
  step,
  endAdornment,
  inputRef,
}: IssueTextFieldProps) {
  const issue = issueAt(problem, field)
  return (
    <TextField
      name={field}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      type={select ? undefined : type}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      required={required}
      disabled={disabled}
      select={select}
      inputRef={inputRef}
      error={issue !== undefined || warning !== undefined}
      helperText={issue ?? warning ?? hint}
      slotProps={{
        inputLabel: type === 'datetime-local' || type === 'date' ? { shrink: true } : undefined,
        htmlInput: step ? { step } : undefined,
        input: endAdornment ? { endAdornment } : undefined,
      }}
    >
      {children}
    </TextField>
  )
}
