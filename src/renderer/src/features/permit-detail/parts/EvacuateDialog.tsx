import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { EvacuationReasonField } from '../../evacuation/EvacuationReasonField'
import { FormDialog } from '../../../ui/FormDialog'
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
      problem={problem}
    >
      <DialogContentText>
        Everyone comes out of {detail.card.spaceTag} now (
        {inside === 1 ? '1 person is' : `${String(inside)} people are`} inside). The permit is suspended and a roll call
        starts. Attendants do not go in to rescue.
      </DialogContentText>
      <EvacuationReasonField reason={reason} onChange={setReason} problem={problem} />
    </FormDialog>
  )
}
