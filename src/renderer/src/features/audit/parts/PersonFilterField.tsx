import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { usePeopleWithRole } from '../../people/use-people'

/** Who acted, chosen by name; absent for a person who may not read the directory (an id alone says nothing). */
export function PersonFilterField({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const { mayList, people } = usePeopleWithRole(null)
  if (!mayList) return null
  const chosen = people.find((person) => person.id === value) ?? null
  return (
    <Autocomplete
      options={people}
      value={chosen}
      onChange={(_event, person) => onChange(person?.id ?? null)}
      getOptionLabel={(person) => `${person.displayName} (${person.username})`}
      isOptionEqualToValue={(option, person) => option.id === person.id}
      renderInput={(params) => <TextField {...params} label="Person who acted" margin="none" />}
    />
  )
}
