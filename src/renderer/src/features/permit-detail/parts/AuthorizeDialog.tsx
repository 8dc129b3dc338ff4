import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'
import { SignatureDialog } from '../../../ui/SignatureDialog'
import { useSession } from '../../session/use-session'
import { usePermit } from '../use-permit'

/** 1910.146(f)(6): the entry supervisor signs to authorize entry; the password is the signature. */
export function AuthorizeDialog({ detail }: { detail: PermitDetailDto }) {
  const me = useSession((state) => state.user)
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const authorize = usePermit((state) => state.authorize)
  const closeDialog = usePermit((state) => state.closeDialog)
  const { card } = detail
  // The wording the server records with the signature, so the signer reads what will be kept.
  const statement =
    `I, ${me?.displayName ?? ''} (${me?.username ?? ''}), entry supervisor, authorize entry into ${card.spaceTag} ` +
    `under permit ${card.number}, valid ${formatShortTime(card.validFrom)} to ${formatShortTime(card.validTo)}, ` +
    'having verified that the acceptable entry conditions and measures on this permit are in place.'
  return (
    <SignatureDialog
      title={`Authorize permit ${card.number}`}
      statement={statement}
      submitLabel="Sign and authorize"
      saving={saving}
      problem={problem}
      onSign={(password) => void authorize(password)}
      onClose={closeDialog}
    />
  )
}
