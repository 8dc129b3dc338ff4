import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useEffect } from 'react'
import { issueAt } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'
import { usePeopleWithRole } from '../../people/use-people'
import { useMayCall } from '../../session/use-access'
import { useSession } from '../../session/use-session'
import type { RequestDraft } from '../request-draft'
import { useMyAccess } from '../use-my-access'

type Person = NonNullable<RequestDraft['onBehalfOf']>

interface OnBehalfProps {
  value: RequestDraft['onBehalfOf']
  onChange(person: RequestDraft['onBehalfOf']): void
  problem: Problem | null
}

function PersonPicker({ people, hint, value, onChange, problem }: OnBehalfProps & { people: Person[]; hint: string }) {
  const issue = issueAt(problem, 'onBehalfOf')
  return (
    <Autocomplete
      options={people}
      value={value}
      onChange={(_event, chosen) => onChange(chosen)}
      getOptionLabel={(option) => option.name}
      getOptionKey={(option) => option.id}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      renderInput={(params) => (
        <TextField
          {...params}
          name="onBehalfOf"
          label="For (optional)"
          error={issue !== undefined}
          helperText={issue ?? hint}
        />
      )}
    />
  )
}

function AnyoneField(props: OnBehalfProps) {
  const { people } = usePeopleWithRole(null)
  const me = useSession((state) => state.user?.id)
  const others = people
    .filter((person) => person.id !== me)
    .map((person) => ({ id: person.id, name: person.displayName }))
  return (
    <PersonPicker
      {...props}
      people={others}
      hint="Empty: for yourself. Filed for someone else, it is theirs, and you may not decide it."
    />
  )
}

function ReportsField(props: OnBehalfProps) {
  const reports = useMyAccess((state) => state.reports)
  const loadReports = useMyAccess((state) => state.loadReports)
  useEffect(() => void loadReports(), [loadReports])
  if (reports.length === 0) return null
  return (
    <PersonPicker
      {...props}
      people={reports.map((person) => ({ id: person.id, name: person.displayName }))}
      hint="Empty: for yourself. Your reports: filed for them, it is theirs, and you may not decide it."
    />
  )
}

/**
 * Whom the caller may ask for besides themself, as the server allows it: an administrator anyone,
 * a manager their reports. Everyone else files for themself and sees no field.
 */
export function OnBehalfField(props: OnBehalfProps) {
  const mayFileForAnyone = useMayCall('users.list')
  return mayFileForAnyone ? <AnyoneField {...props} /> : <ReportsField {...props} />
}
