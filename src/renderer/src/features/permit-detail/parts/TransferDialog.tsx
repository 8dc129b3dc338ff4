import Checkbox from '@mui/material/Checkbox'
import DialogContentText from '@mui/material/DialogContentText'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { issueAt } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { usePeopleWithRole } from '../../people/use-people'
import { useSession } from '../../session/use-session'
import { usePermit } from '../use-permit'

/** A change of entry supervisor: the new one confirms the entry conditions, and it is recorded. */
export function TransferDialog({ detail }: { detail: PermitDetailDto }) {
  const me = useSession((state) => state.user)
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const transfer = usePermit((state) => state.transfer)
  const closeDialog = usePermit((state) => state.closeDialog)
  const { mayList, people } = usePeopleWithRole('supervisor')
  const candidates = people.filter((user) => user.id !== detail.entrySupervisorId)
  const [chosen, setChosen] = useState('')
  const [confirmed, setConfirmed] = useState(false)
  const [note, setNote] = useState('')
  // Without the account list, the person taking over is the one signed in.
  const newSupervisorId = mayList ? (chosen === '' ? null : Number(chosen)) : (me?.id ?? null)
  const confirmIssue = issueAt(problem, 'conditionsConfirmed')
  return (
    <FormDialog
      title={`Transfer entry supervisor of ${detail.card.number}`}
      submitLabel="Transfer"
      saving={saving}
      onSubmit={() => void transfer({ newSupervisorId, conditionsConfirmed: confirmed, note })}
      onClose={closeDialog}
      problem={problem}
    >
      <DialogContentText>Current entry supervisor: {detail.card.entrySupervisor}.</DialogContentText>
      {mayList ? (
        <IssueTextField
          select
          field="newSupervisorId"
          label="New entry supervisor"
          value={chosen}
          onChange={setChosen}
          problem={problem}
          required
        >
          {candidates.map((user) => (
            <MenuItem key={user.id} value={String(user.id)}>
              {user.displayName} ({user.username})
            </MenuItem>
          ))}
        </IssueTextField>
      ) : (
        <DialogContentText sx={{ mt: 2 }}>
          You ({me?.displayName}) take over as entry supervisor. Only an administrator can hand a permit to someone
          else; the new supervisor signs in and transfers it to themselves.
        </DialogContentText>
      )}
      <FormControl error={confirmIssue !== undefined} margin="normal">
        <FormControlLabel
          label="I have confirmed the entry conditions"
          control={<Checkbox checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />}
        />
        <FormHelperText>
          {confirmIssue ?? 'Required: the new entry supervisor checks the space and the permit before taking over.'}
        </FormHelperText>
      </FormControl>
      <IssueTextField field="note" label="Note" value={note} onChange={setNote} problem={problem} multiline />
    </FormDialog>
  )
}
