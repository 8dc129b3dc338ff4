import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { usePermit } from '../use-permit'
import { AssignAttendantDialog } from './AssignAttendantDialog'
import { AuthorizeDialog } from './AuthorizeDialog'
import { CorrectExitDialog } from './CorrectExitDialog'
import { EvacuateDialog } from './EvacuateDialog'
import { TransferDialog } from './TransferDialog'
import { TransitionDialog } from './TransitionDialog'

/** The one open permit dialog; each mounts fresh, so a reopened form starts empty. */
export function PermitDialogs({ detail }: { detail: PermitDetailDto }) {
  const dialog = usePermit((state) => state.dialog)
  switch (dialog?.kind) {
    case 'transition':
      return <TransitionDialog key={dialog.action} action={dialog.action} />
    case 'authorize':
      return <AuthorizeDialog detail={detail} />
    case 'transfer':
      return <TransferDialog detail={detail} />
    case 'evacuate':
      return <EvacuateDialog detail={detail} />
    case 'assignAttendant':
      return <AssignAttendantDialog detail={detail} />
    case 'correctExit':
      return <CorrectExitDialog key={dialog.exit.exitId} exit={dialog.exit} />
    default:
      return null
  }
}
