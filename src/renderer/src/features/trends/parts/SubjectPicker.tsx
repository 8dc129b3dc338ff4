import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useMemo } from 'react'
import type { TrendSubject } from '../../../../../shared/contract/trends'
import { subjectKey, subjectOptions } from '../trend-subject-options'
import type { SubjectOption } from '../trend-subject-options'
import type { TrendSubjects } from '../trend-subjects-store'

/** A permit, a space or an instrument, grouped, typed to search. */
export function SubjectPicker({
  subjects,
  value,
  onChange,
}: {
  subjects: TrendSubjects
  value: TrendSubject | null
  onChange(subject: TrendSubject): void
}) {
  const options = useMemo(() => subjectOptions(subjects), [subjects])
  const chosen = value ? (options.find((option) => subjectKey(option.subject) === subjectKey(value)) ?? null) : null
  return (
    <Autocomplete<SubjectOption>
      options={options}
      groupBy={(option) => option.group}
      value={chosen}
      onChange={(_event, option) => {
        if (option) onChange(option.subject)
      }}
      getOptionLabel={(option) => option.label}
      getOptionKey={(option) => subjectKey(option.subject)}
      isOptionEqualToValue={(option, other) => subjectKey(option.subject) === subjectKey(other.subject)}
      sx={{ width: { xs: '100%', md: 320, xl: 520 } }}
      size="small"
      renderInput={(params) => <TextField {...params} label="Trend of a permit, space or instrument" margin="none" />}
    />
  )
}
