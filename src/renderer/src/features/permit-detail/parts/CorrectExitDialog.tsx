import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import { messageOutside } from '../../../errors/problem'
import { formatShortTime } from '../../../format/time'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { MistakenExit } from '../permit-view-state'
import { usePermit } from '../use-permit'

/**
 * Puts back inside someone whose exit was logged by mistake. Under-counting is the dangerous
 * direction, so this exists; it is a new, audited record and the exit stays in the history.
 */
export function CorrectExitDialog({ exit }: { exit: MistakenExit }) {
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const correctExit = usePermit((state) => state.correctExit)
  const closeDialog = usePermit((state) => state.closeDialog)
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title={`Correct the exit of ${exit.personName}`}
      submitLabel="Correct exit"
      saving={saving}
      onSubmit={() => void correctExit(exit.exitId, reason)}
      onClose={closeDialog}
      alert={messageOutside(problem, ['reason'])}
    >
      <DialogContentText>
        Use this only when the person is still inside: the exit was logged by mistake. {exit.personName} is counted
        inside again; the exit at {formatShortTime(exit.exitTime)} stays on record with this correction.
      </DialogContentText>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        hint="Required. For example: pressed Exit for the wrong person."
        multiline
        autoFocus
        required
      />
    </FormDialog>
  )
}
