import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { RequestDto } from '../../../../../shared/contract/access'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { resourceAtLevel } from '../access-labels'
import { useMyAccess } from '../use-my-access'

/** Withdraws one's own pending request, with a note if one helps the record. */
export function WithdrawDialog({ request }: { request: RequestDto }) {
  const saving = useMyAccess((state) => state.saving)
  const problem = useMyAccess((state) => state.dialogProblem)
  const withdraw = useMyAccess((state) => state.withdraw)
  const close = useMyAccess((state) => state.closeDialog)
  const [note, setNote] = useState('')
  return (
    <FormDialog
      title={`Withdraw request #${String(request.id)}`}
      submitLabel="Withdraw request"
      dismissLabel="Keep it"
      danger
      saving={saving}
      onSubmit={() => void withdraw(note)}
      onClose={close}
      problem={problem}
    >
      <DialogContentText>
        Your request for {resourceAtLevel(request.resource.key, request.level)} leaves the approvers’ queue. To ask
        again later, file a new request.
      </DialogContentText>
      <IssueTextField
        field="note"
        label="Note (optional)"
        value={note}
        onChange={setNote}
        problem={problem}
        autoFocus
        hint="Kept with the request, e.g. done without it."
      />
    </FormDialog>
  )
}
