import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useDevices } from '../use-devices'

/** A token for one device, allowed only to post readings for one site. */
export function NewDeviceDialog() {
  const sites = useDevices((state) => state.sites)
  const saving = useDevices((state) => state.saving)
  const problem = useDevices((state) => state.dialogProblem)
  const create = useDevices((state) => state.create)
  const closeDialog = useDevices((state) => state.closeDialog)
  const [name, setName] = useState('')
  const [siteId, setSiteId] = useState(sites.length === 1 ? String(sites[0]?.id ?? '') : '')
  return (
    <FormDialog
      title="New field device"
      submitLabel="Create token"
      saving={saving}
      onSubmit={() => void create({ name, siteId: siteId === '' ? null : Number(siteId) })}
      onClose={closeDialog}
      problem={problem}
    >
      <IssueTextField
        field="name"
        label="Name"
        value={name}
        onChange={setName}
        problem={problem}
        autoFocus
        required
        hint="Which device holds the token, e.g. Gateway north yard."
      />
      <IssueTextField
        select
        field="siteId"
        label="Site"
        value={siteId}
        onChange={setSiteId}
        problem={problem}
        required
        hint="The token may post readings for this site's permits and nothing else."
      >
        {sites.map((site) => (
          <MenuItem key={site.id} value={String(site.id)}>
            {site.name}
          </MenuItem>
        ))}
      </IssueTextField>
    </FormDialog>
  )
}
