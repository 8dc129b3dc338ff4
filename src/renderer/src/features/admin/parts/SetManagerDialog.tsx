import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { UserListItemDto } from '../../../../../shared/contract/identity'
import { issueAt } from '../../../errors/problem'
import { usePeopleWithRole } from '../../people/use-people'
import { useUsers } from '../use-users'
import { UserFormDialog } from './UserFormDialog'

interface ManagerChoice {
  id: number | null
  name: string
}

const noManager: ManagerChoice = { id: null, name: 'No manager' }

/** A manager may ask for access on their reports' behalf; the server refuses the person themself and a deactivated account. */
export function SetManagerDialog({ user }: { user: UserListItemDto }) {
  const problem = useUsers((state) => state.dialogProblem)
  const saveManager = useUsers((state) => state.saveManager)
  const { people } = usePeopleWithRole(null)
  const current: ManagerChoice =
    user.managerId === null ? noManager : { id: user.managerId, name: user.managerName ?? `#${String(user.managerId)}` }
  const [manager, setManager] = useState(current)
  const candidates = people
    .filter((person) => person.id !== user.id)
    .map((person): ManagerChoice => ({ id: person.id, name: person.displayName }))
  // The current manager stays a choice while the directory loads, or when their account was deactivated since.
  const keepCurrent = current.id !== null && !candidates.some((candidate) => candidate.id === current.id)
  const options = [noManager, ...(keepCurrent ? [current] : []), ...candidates]
  const issue = issueAt(problem, 'managerId')
  return (
    <UserFormDialog
      title={`Manager of ${user.displayName}`}
      submitLabel="Save manager"
      onSubmit={() => void saveManager(manager.id)}
      problem={problem}
    >
      <Autocomplete
        options={options}
        value={manager}
        onChange={(_event, chosen) => setManager(chosen)}
        disableClearable
        getOptionLabel={(option) => option.name}
        getOptionKey={(option) => String(option.id)}
        isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
        renderInput={(params) => (
          <TextField
            {...params}
            name="managerId"
            label="Manager"
            margin="normal"
            autoFocus
            error={issue !== undefined}
            helperText={issue ?? `May ask for access on ${user.displayName}’s behalf.`}
          />
        )}
      />
    </UserFormDialog>
  )
}
