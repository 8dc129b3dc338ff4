import { formatShortTime } from '../../../format/time'
import { ReasonDialog } from '../../../ui/ReasonDialog'
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
  return (
    <ReasonDialog
      title={`Correct the exit of ${exit.personName}`}
      submitLabel="Correct exit"
      saving={saving}
      problem={problem}
      hint="Required. For example: pressed Exit for the wrong person."
      onSubmit={(reason) => void correctExit(exit.exitId, reason)}
      onClose={closeDialog}
    >
      Use this only when the person is still inside: the exit was logged by mistake. {exit.personName} is counted inside
      again; the exit at {formatShortTime(exit.exitTime)} stays on record with this correction.
    </ReasonDialog>
  )
}
