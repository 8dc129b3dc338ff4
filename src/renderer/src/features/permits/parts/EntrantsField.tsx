import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { listIssueText } from '../../../errors/list-issues'
import { usePeopleWithRole } from '../../people/use-people'
import type { EntrantChoice } from '../permit-draft'
import { usePermitForm } from '../use-permit-form'

const sameEntrant = (a: EntrantChoice, b: EntrantChoice): boolean =>
  a.userId !== null ? a.userId === b.userId : b.userId === null && a.name === b.name

const asEntrant = (item: string | EntrantChoice): EntrantChoice =>
  typeof item === 'string' ? { userId: null, name: item.trim() } : item

/** (f)(4): authorized entrants, by account where they have one, otherwise by name (contractors). */
export function EntrantsField() {
  const entrants = usePermitForm((state) => state.draft.entrants)
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  const { mayList, people } = usePeopleWithRole('entrant')
  const options: EntrantChoice[] = people.map((user) => ({ userId: user.id, name: user.displayName }))
  const issue = listIssueText(problem, 'entrants', 'Entrant')
  return (
    <Autocomplete<EntrantChoice, true, false, true>
      multiple
      freeSolo
      autoSelect
      options={options}
      value={entrants}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
      isOptionEqualToValue={(option, value) => sameEntrant(option, asEntrant(value))}
      onChange={(_event, next) => {
        const chosen = next.map(asEntrant).filter((item) => item.name !== '')
        update({
          entrants: chosen.filter((item, index) => chosen.findIndex((other) => sameEntrant(item, other)) === index),
        })
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name="entrants"
          label="Authorized entrants"
          error={issue !== undefined}
          helperText={
            issue ??
            (mayList
              ? 'Choose accounts, or type the name of someone without one and press Enter.'
              : 'Type each name and press Enter.')
          }
        />
      )}
    />
  )
}
