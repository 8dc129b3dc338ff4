import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import { EvacuationReasonField } from '../../evacuation/EvacuationReasonField'
import { FormDialog } from '../../../ui/FormDialog'
import { evacuationScopeLabel } from '../evacuation-scope'
import { useBoard } from '../use-board'

/** An emergency beyond one permit: everyone out of every space of the board's site, or of every site. */
export function EvacuateAllDialog({ onClose }: { onClose(): void }) {
  const saving = useBoard((state) => state.evacuating)
  const problem = useBoard((state) => state.evacuationProblem)
  const evacuateAll = useBoard((state) => state.evacuateAll)
  const clearProblem = useBoard((state) => state.clearEvacuationProblem)
  // The server's count for the whole scope: a state filter may hide cards whose people are inside.
  const inside = useBoard((state) => state.peopleInside)
  const scope = useBoard(evacuationScopeLabel)
  const [reason, setReason] = useState('')
  const close = () => {
    clearProblem()
    onClose()
  }
  return (
    <FormDialog
      title={`Evacuate ${scope}`}
      submitLabel={`Order evacuation of ${scope}`}
      danger
      saving={saving}
      onSubmit={() => void evacuateAll(reason).then((done) => done && close())}
      onClose={close}
      problem={problem}
    >
      <DialogContentText>
        Everyone comes out of {scope} now ({inside === 1 ? '1 person is' : `${String(inside)} people are`} inside).
        Every authorized or active permit there is suspended and a roll call starts. Attendants do not go in to rescue.
      </DialogContentText>
      <EvacuationReasonField reason={reason} onChange={setReason} problem={problem} />
    </FormDialog>
  )
}
