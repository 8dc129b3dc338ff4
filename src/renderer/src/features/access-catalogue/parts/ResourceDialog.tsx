import MenuItem from '@mui/material/MenuItem'
import { useMemo, useState } from 'react'
import { itResourceKinds, riskTiers } from '../../../../../shared/contract/access'
import type { ResourceDto } from '../../../../../shared/contract/access'
import { listIssueText } from '../../../errors/list-issues'
import { precheck } from '../../../errors/contract-check'
import type { Problem } from '../../../errors/problem'
import { ChipListField } from '../../../ui/ChipListField'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueRadioGroup } from '../../../ui/IssueRadioGroup'
import { IssueTextField } from '../../../ui/IssueTextField'
import { resourceKindLabels, riskTierLabels } from '../../access/access-labels'
import { usePeopleWithRole } from '../../people/use-people'
import { useCatalogue } from '../use-catalogue'
import { PeopleField } from './PeopleField'
import type { PersonOption } from './PeopleField'

type RiskTier = (typeof riskTiers)[number]

const riskOptions = riskTiers.map((value) => ({
  value,
  label:
    value === 'high' ? `${riskTierLabels.high}: two approvers must agree` : `${riskTierLabels.standard}: one approver`,
}))

const asOptions = (people: readonly { id: number; displayName: string }[]): PersonOption[] =>
  people.map((person) => ({ id: person.id, name: person.displayName }))

/** An IT resource of the catalogue: what it is, its levels, who owns and who approves, how long access may run. */
export function ResourceDialog({ resource }: { resource: ResourceDto | null }) {
  const saving = useCatalogue((state) => state.saving)
  const serverProblem = useCatalogue((state) => state.dialogProblem)
  const save = useCatalogue((state) => state.save)
  const close = useCatalogue((state) => state.closeDialog)
  const everyone = usePeopleWithRole(null).people
  const itApprovers = usePeopleWithRole('it_approver').people
  const ownerOptions = useMemo(() => asOptions(everyone), [everyone])
  const approverOptions = useMemo(() => asOptions(itApprovers), [itApprovers])
  const [key, setKey] = useState(resource?.key ?? '')
  const [name, setName] = useState(resource?.name ?? '')
  const [kind, setKind] = useState<string>(resource?.kind ?? 'application')
  const [description, setDescription] = useState(resource?.description ?? '')
  const [levels, setLevels] = useState<string[]>(resource?.levels ?? ['read', 'write'])
  const [riskTier, setRiskTier] = useState<RiskTier>(resource?.riskTier ?? 'standard')
  const [hours, setHours] = useState(String(resource?.maxDurationHours ?? 168))
  const [template, setTemplate] = useState(resource?.justificationTemplate ?? '')
  const [owners, setOwners] = useState<PersonOption[]>(resource?.owners ?? [])
  const [approvers, setApprovers] = useState<PersonOption[]>(resource?.approvers ?? [])
  const [reviewDays, setReviewDays] = useState(String(resource?.reviewEveryDays ?? 90))
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem

  const submit = () => {
    const maxDurationHours = /^\d+$/.test(hours.trim()) ? Number(hours) : null
    const reviewEveryDays = /^\d+$/.test(reviewDays.trim()) ? Number(reviewDays) : null
    const chosenKind = itResourceKinds.find((candidate) => candidate === kind) ?? 'application'
    // Every setting is sent: one left out would be saved back as its default.
    const form = {
      key,
      name,
      kind: chosenKind,
      description,
      levels,
      riskTier,
      maxDurationHours: maxDurationHours ?? 0,
      justificationTemplate: template.trim() === '' ? null : template,
      reviewEveryDays: reviewEveryDays ?? 0,
      ownerIds: owners.map((person) => person.id),
      approverIds: approvers.map((person) => person.id),
    }
    const found = precheck('access.saveResource', form, [
      ...(maxDurationHours === null ? [{ path: 'maxDurationHours', message: 'must be a whole number of hours' }] : []),
      ...(reviewEveryDays === null ? [{ path: 'reviewEveryDays', message: 'must be a whole number of days' }] : []),
    ])
    setOwnProblem(found)
    if (!found) void save(form)
  }

  return (
    <FormDialog
      title={resource ? `Edit ${resource.key}` : 'New resource'}
      submitLabel={resource ? 'Save resource' : 'Add resource'}
      saving={saving}
      onSubmit={submit}
      onClose={close}
      problem={problem}
    >
      <IssueTextField
        field="key"
        label="Key"
        value={key}
        onChange={setKey}
        problem={problem}
        autoFocus
        required
        hint="How people and the record name it, e.g. app:sap-finance or grp:domain-admins."
      />
      <IssueTextField field="name" label="Name" value={name} onChange={setName} problem={problem} required />
      <IssueTextField select field="kind" label="Kind" value={kind} onChange={setKind} problem={problem}>
        {itResourceKinds.map((value) => (
          <MenuItem key={value} value={value}>
            {resourceKindLabels[value]}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField
        field="description"
        label="Description"
        value={description}
        onChange={setDescription}
        problem={problem}
        multiline
      />
      <ChipListField
        field="levels"
        label="Levels"
        value={levels}
        onChange={setLevels}
        issue={listIssueText(problem, 'levels', 'Level')}
        hint="From least to most: type one and press Enter."
        suggestions={['read', 'write', 'admin']}
      />
      <IssueRadioGroup<RiskTier>
        field="riskTier"
        label="Risk tier"
        value={riskTier}
        options={riskOptions}
        onChange={setRiskTier}
        problem={problem}
      />
      <IssueTextField
        field="maxDurationHours"
        label="Longest grant (hours)"
        type="number"
        step="1"
        value={hours}
        onChange={setHours}
        problem={problem}
        required
        hint="No request may ask for longer; 168 is a week."
      />
      <IssueTextField
        field="justificationTemplate"
        label="Justification template (optional)"
        value={template}
        onChange={setTemplate}
        problem={problem}
        multiline
        hint="Starts every request's justification, e.g. Ticket: … Reason: …"
      />
      <IssueTextField
        field="reviewEveryDays"
        label="Review every (days)"
        type="number"
        step="1"
        value={reviewDays}
        onChange={setReviewDays}
        problem={problem}
        required
        hint="Its owners are told to review who holds it this long after the last review."
      />
      <PeopleField
        field="ownerIds"
        label="Owners"
        options={ownerOptions}
        value={owners}
        onChange={setOwners}
        problem={problem}
        hint="They review who holds it."
      />
      <PeopleField
        field="approverIds"
        label="Approvers"
        options={approverOptions}
        value={approvers}
        onChange={setApprovers}
        problem={problem}
        hint="IT approvers who decide its requests."
      />
    </FormDialog>
  )
}
