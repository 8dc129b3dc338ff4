import type { SpaceDto } from '../../../../../shared/contract/spaces'
import { ReasonDialog } from '../../../ui/ReasonDialog'
import { useSpaces } from '../use-spaces'

/** Spaces are never deleted: a retired one keeps its history and takes no new permits. */
export function RetireSpaceDialog({ space }: { space: SpaceDto }) {
  const saving = useSpaces((state) => state.saving)
  const problem = useSpaces((state) => state.dialogProblem)
  const retire = useSpaces((state) => state.retire)
  const closeDialog = useSpaces((state) => state.closeDialog)
  return (
    <ReasonDialog
      title={`Retire space ${space.tag}`}
      submitLabel="Retire"
      danger
      saving={saving}
      problem={problem}
      onSubmit={(reason) => void retire(reason)}
      onClose={closeDialog}
    >
      {space.tag} ({space.name}) will take no new permits. Its permits and tests stay on record.
    </ReasonDialog>
  )
}
