import { formatShortTime } from '../../../format/time'
import { SignatureDialog } from '../../../ui/SignatureDialog'
import { useSession } from '../../session/use-session'
import { useHandover } from '../use-handover'
import { HandoverReport } from './HandoverReport'

/** Signing and acknowledging a handover: the statement, then the person's own password. */
export function HandoverDialogs() {
  const name = useSession((state) => state.user?.displayName ?? '')
  const dialog = useHandover((state) => state.dialog)
  const saving = useHandover((state) => state.saving)
  const problem = useHandover((state) => state.dialogProblem)
  const sign = useHandover((state) => state.sign)
  const acknowledge = useHandover((state) => state.acknowledge)
  const closeDialog = useHandover((state) => state.closeDialog)
  if (dialog?.kind === 'sign')
    return (
      <SignatureDialog
        title="Sign handover"
        statement={`I, ${name}, hand over the confined-space work shown in this report, as it stands now, with my notes.`}
        submitLabel="Sign handover"
        saving={saving}
        problem={problem}
        onSign={(password) => void sign(password)}
        onClose={closeDialog}
      />
    )
  if (dialog?.kind === 'acknowledge')
    return (
      <SignatureDialog
        key={dialog.handover.id}
        title="Acknowledge handover"
        statement={`I, ${name}, take over from ${dialog.handover.outgoing} (signed ${formatShortTime(dialog.handover.signedAt)}): I have read the report and the notes.`}
        submitLabel="Acknowledge"
        saving={saving}
        problem={problem}
        onSign={(password) => void acknowledge(password)}
        onClose={closeDialog}
      >
        {/* The report as it was signed, stored with the handover: not today's live draft. */}
        <HandoverReport
          report={dialog.handover.report}
          title="Signed report"
          signedAt={dialog.handover.signedAt}
          notes={dialog.handover.notes}
        />
      </SignatureDialog>
    )
  return null
}
