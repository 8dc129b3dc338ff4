import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { IssueTextField } from '../../../ui/IssueTextField'
import { issueAt } from '../../../errors/problem'
import { usePeopleWithRole } from '../../people/use-people'
import { usePermitForm } from '../use-permit-form'

/**
 * (f)(6): the entry supervisor, chosen by name among the supervisors in the people directory.
 * Someone whose roles cannot read the directory writes the permit as its supervisor, and the
 * page says so.
 */
export function SupervisorField() {
  const supervisorId = usePermitForm((state) => state.draft.entrySupervisorId)
  const supervisorName = usePermitForm((state) => state.draft.entrySupervisorName)
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  const { mayList, people } = usePeopleWithRole('supervisor')
  if (!mayList)
    return (
      <>
        <Typography sx={{ mt: 2 }} tabIndex={-1} data-field="entrySupervisorId" data-label="Entry supervisor">
          Entry supervisor: <strong>{supervisorName}</strong>
        </Typography>
        <Typography
          variant="body2"
          sx={{ color: issueAt(problem, 'entrySupervisorId') ? 'error.main' : 'text.secondary' }}
        >
          {issueAt(problem, 'entrySupervisorId') ??
            'You are named as entry supervisor: your roles cannot read the people directory. Once the permit is authorized, use Transfer entry supervisor to hand it over.'}
        </Typography>
      </>
    )
  return (
    <IssueTextField
      select
      field="entrySupervisorId"
      label="Entry supervisor"
      value={supervisorId === null ? '' : String(supervisorId)}
      onChange={(value) => {
        const chosen = people.find((user) => String(user.id) === value)
        if (chosen) update({ entrySupervisorId: chosen.id, entrySupervisorName: chosen.displayName })
      }}
      problem={problem}
      required
    >
      {people.map((user) => (
        <MenuItem key={user.id} value={String(user.id)}>
          {user.displayName} ({user.username})
        </MenuItem>
      ))}
      {supervisorId !== null && !people.some((user) => user.id === supervisorId) ? (
        <MenuItem value={String(supervisorId)}>{supervisorName}</MenuItem>
      ) : null}
    </IssueTextField>
  )
}
