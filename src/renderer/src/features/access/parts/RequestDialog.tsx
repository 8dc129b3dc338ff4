import Alert from '@mui/material/Alert'
import MenuItem from '@mui/material/MenuItem'
import { useEffect, useState } from 'react'
import type { GrantDto, RequestDto, ResourceDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useResources } from '../../access-catalogue/use-catalogue'
import { useMayCall } from '../../session/use-access'
import { formatHours, riskTierLabels } from '../access-labels'
import { withResource } from '../request-draft'
import type { RequestDraft } from '../request-draft'
import { useMyAccess } from '../use-my-access'
import { OnBehalfField } from './OnBehalfField'
import { ResourceField } from './ResourceField'

const noPermit = 'none'

/** Who decides, how long it may run: what a requester should know before asking. */
function resourceHint(resource: ResourceDto | undefined): string | undefined {
  if (!resource) return 'Type to search the catalogue: systems, applications, groups and confined spaces.'
  const approvers =
    resource.approverRole === 'supervisor'
      ? 'the site’s supervisors'
      : resource.approvers.map((person) => person.name).join(', ') || 'its approvers'
  const tier = resource.riskTier === 'high' ? `${riskTierLabels.high}: two approvers must agree. ` : ''
  return `${resource.description ? `${resource.description} ` : ''}${tier}Decided by ${approvers}.`
}

function PermitField({
  resource,
  value,
  onChange,
  problem,
}: {
  resource: ResourceDto
  value: number | null
  onChange(permitId: number | null): void
  problem: Parameters<typeof IssueTextField>[0]['problem']
}) {
  const permits = useMyAccess((state) => state.permits)
  const loadPermits = useMyAccess((state) => state.loadPermits)
  useEffect(() => void loadPermits(), [loadPermits])
  const choices = permits.filter((permit) => permit.spaceId === resource.spaceId)
  return (
    <IssueTextField
      select
      field="permitId"
      label="Permit (optional)"
      value={value === null ? noPermit : String(value)}
      onChange={(text) => onChange(text === noPermit ? null : Number(text))}
      problem={problem}
      hint="Linked to a permit, the access ends when the permit is closed or cancelled."
    >
      <MenuItem value={noPermit}>No permit</MenuItem>
      {choices.map((permit) => (
        <MenuItem key={permit.id} value={String(permit.id)}>
          {permit.number} — {permit.state}, from {formatShortTime(permit.validFrom)}
        </MenuItem>
      ))}
    </IssueTextField>
  )
}

interface RequestDialogProps {
  initial: RequestDraft
  /** The request being changed; its resource and level stay as they are. */
  editing: RequestDto | null
  /** The grant being extended. */
  extending: GrantDto | null
}

/** Asks for access: what, at which level, why, from when and for how long, and for a space the permit. */
export function RequestDialog({ initial, editing, extending }: RequestDialogProps) {
  const saving = useMyAccess((state) => state.saving)
  const problem = useMyAccess((state) => state.dialogProblem)
  const submit = useMyAccess((state) => state.submit)
  const close = useMyAccess((state) => state.closeDialog)
  const mayLinkPermit = useMayCall('permits.board')
  const { all, open } = useResources()
  const [draft, setDraft] = useState(initial)
  const resource = all.find((candidate) => candidate.id === draft.resourceId)
  const fixed = editing !== null || extending !== null
  const change = (changes: Partial<RequestDraft>) => setDraft((current) => ({ ...current, ...changes }))
  const title = editing
    ? `Edit request #${String(editing.id)}`
    : extending
      ? `Extend ${extending.resource.key} (${extending.level})`
      : 'Request access'
  return (
    <FormDialog
      title={title}
      submitLabel={editing ? 'Save request' : 'Send request'}
      saving={saving}
      onSubmit={() => void submit(draft, resource)}
      onClose={close}
      problem={problem}
    >
      {extending && extending.endedAt === null ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          Your grant #{extending.id} runs until {formatShortTime(extending.validTo)}. This asks for the same access from
          then on; an approver decides it like any request.
        </Alert>
      ) : null}
      {!fixed ? (
        <OnBehalfField value={draft.onBehalfOf} onChange={(onBehalfOf) => change({ onBehalfOf })} problem={problem} />
      ) : null}
      <ResourceField
        resources={fixed ? all : open}
        value={resource ?? null}
        onChange={(chosen) => setDraft((current) => withResource(current, chosen ?? undefined, resource))}
        problem={problem}
        hint={resourceHint(resource)}
        disabled={fixed}
        autoFocus={!fixed}
      />
      <IssueTextField
        select
        field="level"
        label="Level"
        value={resource?.levels.includes(draft.level) ? draft.level : ''}
        onChange={(level) => change({ level })}
        problem={problem}
        required
        disabled={fixed || !resource}
      >
        {(resource?.levels ?? []).map((level) => (
          <MenuItem key={level} value={level}>
            {level}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField
        field="justification"
        label="Justification"
        value={draft.justification}
        onChange={(justification) => change({ justification })}
        problem={problem}
        multiline
        required
        autoFocus={fixed}
        hint={
          resource?.justificationTemplate
            ? 'Started from the resource’s template: fill in what it asks.'
            : 'Why you need it, for the approver and the record.'
        }
      />
      <IssueTextField
        field="startsAt"
        label="Start"
        type="datetime-local"
        value={draft.startsAt}
        onChange={(startsAt) => change({ startsAt })}
        problem={problem}
        hint="Empty: from the moment it is approved."
      />
      <IssueTextField
        field="durationHours"
        label="Duration (hours)"
        type="number"
        step="1"
        value={draft.durationHours}
        onChange={(durationHours) => change({ durationHours })}
        problem={problem}
        required
        hint={
          resource
            ? `At most ${String(resource.maxDurationHours)} hours (${formatHours(resource.maxDurationHours)}) for ${resource.key}.`
            : 'Access ends by itself after this.'
        }
      />
      {resource?.kind === 'space' && mayLinkPermit ? (
        <PermitField
          resource={resource}
          value={draft.permitId}
          onChange={(permitId) => change({ permitId })}
          problem={problem}
        />
      ) : null}
    </FormDialog>
  )
}
