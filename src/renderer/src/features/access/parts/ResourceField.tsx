import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import type { ResourceDto } from '../../../../../shared/contract/access'
import { issueAt } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'
import { resourceKindLabels } from '../access-labels'

interface ResourceFieldProps {
  resources: readonly ResourceDto[]
  value: ResourceDto | null
  onChange(resource: ResourceDto | null): void
  problem: Problem | null
  /** The input name the server uses ("resourceId"). */
  field?: string
  label?: string
  hint?: string
  disabled?: boolean
  autoFocus?: boolean
}

/** A resource of the catalogue by key and name, grouped by kind, typed to search. */
export function ResourceField({
  resources,
  value,
  onChange,
  problem,
  field = 'resourceId',
  label = 'Resource',
  hint,
  disabled,
  autoFocus,
}: ResourceFieldProps) {
  const issue = issueAt(problem, field)
  return (
    <Autocomplete
      options={[...resources].sort((a, b) => resourceKindLabels[a.kind].localeCompare(resourceKindLabels[b.kind]))}
      groupBy={(option) => resourceKindLabels[option.kind]}
      value={value}
      onChange={(_event, chosen) => onChange(chosen)}
      getOptionLabel={(option) => `${option.key} — ${option.name}`}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field}
          label={label}
          required
          autoFocus={autoFocus}
          error={issue !== undefined}
          helperText={issue ?? hint}
        />
      )}
    />
  )
}
