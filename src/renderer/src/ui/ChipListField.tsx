import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import type { ReactNode } from 'react'

interface ChipListFieldProps {
  /** The input name the server uses for the list ("hazards"). */
  field: string
  label: string
  value: readonly string[]
  onChange(value: string[]): void
  /** The issues under the list, already worded for a person. */
  issue?: string
  hint?: ReactNode
  suggestions?: readonly string[]
}

/** A list of short texts typed one by one; Enter or leaving the field adds what was typed. */
export function ChipListField({ field, label, value, onChange, issue, hint, suggestions = [] }: ChipListFieldProps) {
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={[...suggestions]}
      value={[...value]}
      onChange={(_event, next) => onChange(dedupe(next.map((item) => item.trim()).filter((item) => item !== '')))}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field}
          label={label}
          error={issue !== undefined}
          helperText={issue ?? hint ?? 'Type one and press Enter.'}
        />
      )}
    />
  )
}

const dedupe = (items: string[]): string[] => [...new Set(items)]
