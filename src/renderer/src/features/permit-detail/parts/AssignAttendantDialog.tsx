import DialogContentText from '@mui/material/DialogContentText'
import MenuItem from '@mui/material/MenuItem'
import { useMemo, useState } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { fromLocalInput, toLocalInput } from '../../../format/local-datetime'
import { precheck } from '../../../errors/contract-check'
import type { LocalIssue, Problem } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { usePeopleWithRole } from '../../people/use-people'
import { useSession } from '../../session/use-session'
import { usePermit } from '../use-permit'

const shiftMs = 8 * 60 * 60_000

interface Candidate {
  userId: number
  name: string
}

/**
 * Who can be named: accounts with the attendant role (from the people directory), people who
 * already attend this permit (a new shift), and the signed-in supervisor.
 */
function useCandidates(detail: PermitDetailDto): Candidate[] {
  const me = useSession((state) => state.user)
  const { people } = usePeopleWithRole('attendant')
  return useMemo(() => {
    const byId = new Map<number, string>()
    for (const user of people) byId.set(user.id, user.displayName)
    for (const attendant of detail.attendants) byId.set(attendant.userId, attendant.fullName)
    if (me) byId.set(me.id, `${me.displayName} (you)`)
    return [...byId].map(([userId, name]) => ({ userId, name }))
  }, [people, detail.attendants, me])
}

export function AssignAttendantDialog({ detail }: { detail: PermitDetailDto }) {
  const saving = usePermit((state) => state.saving)
  const serverProblem = usePermit((state) => state.dialogProblem)
  const assign = usePermit((state) => state.assignAttendant)
  const closeDialog = usePermit((state) => state.closeDialog)
  const { mayList } = usePeopleWithRole('attendant')
  const candidates = useCandidates(detail)
  const [userId, setUserId] = useState('')
  const [shiftName, setShiftName] = useState('')
  const [start, setStart] = useState(() => toLocalInput(Date.now()))
  const [end, setEnd] = useState(() => toLocalInput(Date.now() + shiftMs))
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem

  const submit = () => {
    const shiftStart = fromLocalInput(start)
    const shiftEnd = fromLocalInput(end)
    const issues: LocalIssue[] = [
      ...(userId === '' ? [{ path: 'userId', message: 'is required: choose the attendant' }] : []),
      ...(shiftStart === null ? [{ path: 'shiftStart', message: 'must be a date and time' }] : []),
      ...(shiftEnd === null ? [{ path: 'shiftEnd', message: 'must be a date and time' }] : []),
    ]
    const form = { userId: Number(userId), shiftName, shiftStart: shiftStart ?? 0, shiftEnd: shiftEnd ?? 0 }
    const found = precheck('attendants.assign', { permitId: detail.card.id, ...form }, issues)
    setOwnProblem(found)
    if (!found) void assign(form)
  }

  return (
    <FormDialog
      title={`Assign attendant to ${detail.card.number}`}
      submitLabel="Assign attendant"
      saving={saving}
      onSubmit={submit}
      onClose={closeDialog}
      problem={problem}
    >
      {mayList ? null : (
        <DialogContentText>
          Only an administrator can list every account; you can name yourself or someone who already attends this
          permit.
        </DialogContentText>
      )}
      <IssueTextField
        select
        field="userId"
        label="Attendant"
        value={userId}
        onChange={setUserId}
        problem={problem}
        required
      >
        {candidates.map((candidate) => (
          <MenuItem key={candidate.userId} value={String(candidate.userId)}>
            {candidate.name}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField
        field="shiftName"
        label="Shift name"
        value={shiftName}
        onChange={setShiftName}
        problem={problem}
        hint="For example Day, Night, or A shift."
        required
      />
      <IssueTextField
        field="shiftStart"
        label="Shift start"
        type="datetime-local"
        value={start}
        onChange={setStart}
        problem={problem}
        required
      />
      <IssueTextField
        field="shiftEnd"
        label="Shift end"
        type="datetime-local"
        value={end}
        onChange={setEnd}
        problem={problem}
        required
      />
    </FormDialog>
  )
}
