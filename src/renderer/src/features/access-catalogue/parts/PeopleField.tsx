import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { issueAt } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'

export interface PersonOption {
  id: number
  name: string
}

/** Several people by name (owners, approvers), with the server's issue for the list under it. */
export function PeopleField({
  field,
  label,
  options,
  value,
  onChange,
  problem,
  hint,
}: {
  field: string
  label: string
  options: readonly PersonOption[]
  value: readonly PersonOption[]
  onChange(people: PersonOption[]): void
  problem: Problem | null
  hint: string
}) {
  const issue = issueAt(problem, field)
  return (
    <Autocomplete
      multiple
      options={[...options]}
      value={[...value]}
      onChange={(_event, chosen) => onChange(chosen)}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      filterSelectedOptions
      renderInput={(params) => (
        <TextField
          {...params}
          name={field}
          label={label}
          required
          error={issue !== undefined}
          helperText={issue ?? hint}
        />
      )}
    />
  )
}
