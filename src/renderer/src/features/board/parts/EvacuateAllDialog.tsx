import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import { messageOutside } from '../../../errors/problem'
import { EvacuationReasonField } from '../../evacuation/EvacuationReasonField'
import { FormDialog } from '../../../ui/FormDialog'
import { useBoard } from '../use-board'

/** A site-wide emergency: everyone out of every space, every admitting permit suspended. */
export function EvacuateAllDialog({ onClose }: { onClose(): void }) {
  const saving = useBoard((state) => state.evacuating)
  const problem = useBoard((state) => state.evacuationProblem)
  const evacuateAll = useBoard((state) => state.evacuateAll)
  const clearProblem = useBoard((state) => state.clearEvacuationProblem)
  const inside = useBoard((state) => state.cards.reduce((n, card) => n + card.inside.length, 0))
  const [reason, setReason] = useState('')
  const close = () => {
    clearProblem()
    onClose()
  }
  return (
    <FormDialog
      title="Evacuate every space"
      submitLabel="Order evacuation of every space"
      danger
      saving={saving}
      onSubmit={() => void evacuateAll(reason).then((done) => done && close())}
      onClose={close}
      alert={messageOutside(problem, ['reason'])}
    >
      <DialogContentText>
        Everyone comes out of every confined space now ({inside === 1 ? '1 person is' : `${String(inside)} people are`}{' '}
        inside on this board). Every authorized or active permit is suspended and a roll call starts. Attendants do not
        go in to rescue.
      </DialogContentText>
      <EvacuationReasonField reason={reason} onChange={setReason} problem={problem} />
    </FormDialog>
  )
}
