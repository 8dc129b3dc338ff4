import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useId } from 'react'
import { issueAt } from '../errors/problem'
import type { Problem } from '../errors/problem'

interface IssueRadioGroupProps<T extends string> {
  /** The input path the server uses in its issues. */
  field: string
  label: string
  /** Null until the person chooses: some answers must never be a default. */
  value: T | null
  options: readonly { value: T; label: string }[]
  onChange(value: T): void
  problem: Problem | null
}

/** A choice among a few answers, with the server's (or the form's own) issue for it underneath. */
export function IssueRadioGroup<T extends string>({
  field,
  label,
  value,
  options,
  onChange,
  problem,
}: IssueRadioGroupProps<T>) {
  const labelId = useId()
  const issue = issueAt(problem, field)
  return (
    <FormControl margin="normal" error={issue !== undefined} fullWidth>
      <FormLabel id={labelId}>{label}</FormLabel>
      <RadioGroup
        row
        name={field}
        aria-labelledby={labelId}
        value={value ?? ''}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value)
          if (chosen) onChange(chosen.value)
        }}
      >
        {options.map((option) => (
          <FormControlLabel key={option.value} value={option.value} control={<Radio />} label={option.label} />
        ))}
      </RadioGroup>
      {issue ? <FormHelperText>{issue}</FormHelperText> : null}
    </FormControl>
  )
}
