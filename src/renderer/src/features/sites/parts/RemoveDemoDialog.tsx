import Typography from '@mui/material/Typography'
import type { SiteDto } from '../../../../../shared/contract/sites'
import { FormDialog } from '../../../ui/FormDialog'
import { useSites } from '../use-sites'

/** Says plainly what removing the demo does before it is done: it cannot be undone. */
export function RemoveDemoDialog({ site }: { site: SiteDto }) {
  const saving = useSites((state) => state.saving)
  const problem = useSites((state) => state.dialogProblem)
  const removeDemo = useSites((state) => state.removeDemo)
  const closeDialog = useSites((state) => state.closeDialog)
  return (
    <FormDialog
      title="Remove demo site"
      submitLabel="Remove demo site"
      saving={saving}
      danger
      onSubmit={() => void removeDemo()}
      onClose={closeDialog}
      alert={problem?.message ?? null}
    >
      <Typography>
        This takes {site.name} off the board in one step: its permits are cancelled, its spaces retired and the demo
        people’s accounts deactivated. Nothing outside the demo site changes.
      </Typography>
      <Typography sx={{ mt: 1 }}>
        The audit trail keeps every entry, so the demo records stay in the register and history, marked as removed. It
        cannot be undone or loaded again.
      </Typography>
    </FormDialog>
  )
}
