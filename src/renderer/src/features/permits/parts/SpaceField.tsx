import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { issueAt } from '../../../errors/problem'
import type { SpaceChoice } from '../permit-draft'
import { usePermitForm } from '../use-permit-form'

const spaceLabel = (space: SpaceChoice): string => `${space.tag} — ${space.name}`

/** (f)(1): the space, searched by tag or name among the registered spaces. */
export function SpaceField() {
  const space = usePermitForm((state) => state.draft.space)
  const options = usePermitForm((state) => state.spaceOptions)
  const problem = usePermitForm((state) => state.problem)
  const chooseSpace = usePermitForm((state) => state.chooseSpace)
  const searchSpaces = usePermitForm((state) => state.searchSpaces)
  const issue = issueAt(problem, 'spaceId')
  return (
    <Autocomplete
      options={options}
      value={space}
      onChange={(_event, chosen) => chooseSpace(chosen)}
      onInputChange={(_event, term, reason) => {
        if (reason === 'input') searchSpaces(term)
      }}
      getOptionLabel={spaceLabel}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      filterOptions={(candidates) => candidates}
      renderInput={(params) => (
        <TextField
          {...params}
          name="spaceId"
          label="Space"
          required
          error={issue !== undefined}
          helperText={issue ?? 'Type a tag or name to search.'}
        />
      )}
    />
  )
}
