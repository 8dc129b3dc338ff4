import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { SpaceDto } from '../../../../../shared/contract/spaces'
import { messageOutside } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useSpaces } from '../use-spaces'

/** Spaces are never deleted: a retired one keeps its history and takes no new permits. */
export function RetireSpaceDialog({ space }: { space: SpaceDto }) {
  const saving = useSpaces((state) => state.saving)
  const problem = useSpaces((state) => state.dialogProblem)
  const retire = useSpaces((state) => state.retire)
  const closeDialog = useSpaces((state) => state.closeDialog)
  const [reason, setReason] = useState('')
  return (
    <FormDialog
      title={`Retire space ${space.tag}`}
      submitLabel="Retire"
      danger
      saving={saving}
      onSubmit={() => void retire(reason)}
      onClose={closeDialog}
      alert={messageOutside(problem, ['reason'])}
    >
      <DialogContentText>
        {space.tag} ({space.name}) will take no new permits. Its permits and tests stay on record.
      </DialogContentText>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        multiline
        autoFocus
        required
      />
    </FormDialog>
  )
}
