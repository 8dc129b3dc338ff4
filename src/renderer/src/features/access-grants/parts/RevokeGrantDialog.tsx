import type { GrantDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { ReasonDialog } from '../../../ui/ReasonDialog'
import { useGrants } from '../use-grants'

/** Ends a grant now: its holder is told, with the reason. */
export function RevokeGrantDialog({ grant }: { grant: GrantDto }) {
  const saving = useGrants((state) => state.saving)
  const problem = useGrants((state) => state.dialogProblem)
  const revoke = useGrants((state) => state.revoke)
  const close = useGrants((state) => state.closeRevoke)
  return (
    <ReasonDialog
      title={`Revoke ${grant.holder.name}’s access to ${grant.resource.key}`}
      submitLabel="Revoke access"
      danger
      saving={saving}
      problem={problem}
      hint="The holder reads it in their notification, e.g. moved to another team."
      onSubmit={(reason) => void revoke(reason)}
      onClose={close}
    >
      Grant #{grant.id} ({grant.level}, until {formatShortTime(grant.validTo)}) ends now, before its time.
    </ReasonDialog>
  )
}
