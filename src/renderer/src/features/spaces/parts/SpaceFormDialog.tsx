import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import { spaceClassificationLabels, spaceClassifications } from '../../../../../shared/contract/spaces'
import type { SpaceDto } from '../../../../../shared/contract/spaces'
import { spaceServiceStatusLabels, spaceServiceStatuses } from '../../../../../shared/domain/space-availability'
import type { SpaceServiceStatus } from '../../../../../shared/domain/space-availability'
import { precheck } from '../../../errors/contract-check'
import type { Problem } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { SpaceForm } from '../spaces-store'
import { useSpaces } from '../use-spaces'

type Classification = SpaceForm['classification']
const asClassification = (value: string): Classification =>
  spaceClassifications.find((candidate) => candidate === value) ?? 'permit_required'
const asStatus = (value: string): SpaceServiceStatus =>
  spaceServiceStatuses.find((candidate) => candidate === value) ?? 'in_service'

/**
 * Registers a space, or edits one (the tag, name, site, where it is, its hazards and service
 * status). Whether it is occupied or has an open permit comes from the records, never from here.
 */
export function SpaceFormDialog({ space }: { space: SpaceDto | null }) {
  const sites = useSpaces((state) => state.sites)
  const saving = useSpaces((state) => state.saving)
  const serverProblem = useSpaces((state) => state.dialogProblem)
  const saveSpace = useSpaces((state) => state.saveSpace)
  const closeDialog = useSpaces((state) => state.closeDialog)
  const [tag, setTag] = useState(space?.tag ?? '')
  const [name, setName] = useState(space?.name ?? '')
  // With a single site there is nothing to choose.
  const onlySite = sites.length === 1 ? String(sites[0]?.id ?? '') : ''
  const [siteId, setSiteId] = useState(space ? String(space.siteId) : onlySite)
  const [location, setLocation] = useState(space?.location ?? '')
  const [hazardNotes, setHazardNotes] = useState(space?.hazardNotes ?? '')
  const [classification, setClassification] = useState<Classification>(space?.classification ?? 'permit_required')
  const [status, setStatus] = useState<SpaceServiceStatus>(space?.status ?? 'in_service')
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem

  const submit = () => {
    const form = { tag, name, siteId: Number(siteId), location, hazardNotes, classification, status }
    const found = precheck(
      'spaces.create',
      form,
      siteId === '' ? [{ path: 'siteId', message: 'is required: choose the site' }] : [],
    )
    setOwnProblem(found)
    if (!found) void saveSpace(form)
  }

  return (
    <FormDialog
      title={space ? `Edit space ${space.tag}` : 'New space'}
      submitLabel={space ? 'Save space' : 'Create space'}
      saving={saving}
      onSubmit={submit}
      onClose={closeDialog}
      problem={problem}
    >
      <IssueTextField
        field="tag"
        label="Tag"
        value={tag}
        onChange={setTag}
        problem={problem}
        autoFocus
        required
        hint="As painted at the portal, e.g. TK-101."
      />
      <IssueTextField field="name" label="Name" value={name} onChange={setName} problem={problem} required />
      <IssueTextField select field="siteId" label="Site" value={siteId} onChange={setSiteId} problem={problem} required>
        {sites.map((site) => (
          <MenuItem key={site.id} value={String(site.id)}>
            {site.name}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField field="location" label="Location" value={location} onChange={setLocation} problem={problem} />
      <IssueTextField
        field="hazardNotes"
        label="Hazard notes"
        value={hazardNotes}
        onChange={setHazardNotes}
        problem={problem}
        multiline
      />
      <IssueTextField
        select
        field="classification"
        label="Classification"
        value={classification}
        onChange={(value) => setClassification(asClassification(value))}
        problem={problem}
      >
        {spaceClassifications.map((value) => (
          <MenuItem key={value} value={value}>
            {spaceClassificationLabels[value]}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField
        select
        field="status"
        label="Service status"
        value={status}
        onChange={(value) => setStatus(asStatus(value))}
        problem={problem}
        hint="Whether people are inside or a permit is open is worked out from the records."
      >
        {spaceServiceStatuses.map((value) => (
          <MenuItem key={value} value={value}>
            {spaceServiceStatusLabels[value]}
          </MenuItem>
        ))}
      </IssueTextField>
    </FormDialog>
  )
}
