import Chip from '@mui/material/Chip'
import DialogContentText from '@mui/material/DialogContentText'
import Stack from '@mui/material/Stack'
import { useState } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { messageOutside } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { quickEvacuationReasons } from '../../evacuation/quick-reasons'
import { usePermit } from '../use-permit'

export function EvacuateDialog({ detail }: { detail: PermitDetailDto }) {
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const evacuate = usePermit((state) => state.evacuate)
  const closeDialog = usePermit((state) => state.closeDialog)
  const [reason, setReason] = useState('')
  const inside = detail.card.inside.length
  return (
    <FormDialog
      title={`Evacuate ${detail.card.spaceTag}`}
      submitLabel="Order evacuation"
      danger
      saving={saving}
      onSubmit={() => void evacuate(reason)}
      onClose={closeDialog}
      alert={messageOutside(problem, ['reason'])}
    >
      <DialogContentText>
        Everyone comes out of {detail.card.spaceTag} now (
        {inside === 1 ? '1 person is' : `${String(inside)} people are`} inside). The permit is suspended and a roll call
        starts. Attendants do not go in to rescue.
      </DialogContentText>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 2 }} aria-label="Common reasons" role="group">
        {quickEvacuationReasons.map((quick) => (
          <Chip
            key={quick}
            label={quick}
            onClick={() => setReason(quick)}
            color={quick === reason ? 'error' : 'default'}
          />
        ))}
      </Stack>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={setReason}
        problem={problem}
        hint="Required: the condition that makes everyone come out."
        multiline
        autoFocus
        required
      />
    </FormDialog>
  )
}
