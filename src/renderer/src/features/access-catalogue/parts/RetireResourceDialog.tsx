import type { ResourceDto } from '../../../../../shared/contract/access'
import { ReasonDialog } from '../../../ui/ReasonDialog'
import { useCatalogue } from '../use-catalogue'

export function RetireResourceDialog({ resource }: { resource: ResourceDto }) {
  const saving = useCatalogue((state) => state.saving)
  const problem = useCatalogue((state) => state.dialogProblem)
  const retire = useCatalogue((state) => state.retire)
  const close = useCatalogue((state) => state.closeDialog)
  return (
    <ReasonDialog
      title={`Retire ${resource.key}`}
      submitLabel="Retire resource"
      danger
      saving={saving}
      problem={problem}
      hint="Told to everyone whose access ends, e.g. replaced by the new ledger."
      onSubmit={(reason) => void retire(reason)}
      onClose={close}
    >
      No one can ask for it any more. Its pending requests expire and every grant on it ends now, each holder told why.
    </ReasonDialog>
  )
}
