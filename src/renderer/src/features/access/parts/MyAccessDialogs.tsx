import { useMyAccess } from '../use-my-access'
import { RequestDialog } from './RequestDialog'
import { WithdrawDialog } from './WithdrawDialog'

export function MyAccessDialogs() {
  const dialog = useMyAccess((state) => state.dialog)
  switch (dialog?.kind) {
    case 'file':
      return (
        <RequestDialog
          key={`file-${String(dialog.extending?.id ?? 'new')}`}
          initial={dialog.draft}
          editing={null}
          extending={dialog.extending}
        />
      )
    case 'edit':
      return (
        <RequestDialog
          key={`edit-${String(dialog.request.id)}`}
          initial={dialog.draft}
          editing={dialog.request}
          extending={null}
        />
      )
    case 'withdraw':
      return <WithdrawDialog key={dialog.request.id} request={dialog.request} />
    default:
      return null
  }
}
