import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { ResourceDto } from '../../../../../shared/contract/access'
import { toLocalInput } from '../../../format/local-datetime'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { ReasonDialog } from '../../../ui/ReasonDialog'
import { ResourceField } from '../../access/parts/ResourceField'
import { useReviews } from '../use-reviews'

const grants = (count: number) => `${String(count)} ${count === 1 ? 'grant' : 'grants'}`

function StartReviewDialog({ resources }: { resources: readonly ResourceDto[] }) {
  const saving = useReviews((state) => state.saving)
  const problem = useReviews((state) => state.dialogProblem)
  const start = useReviews((state) => state.start)
  const close = useReviews((state) => state.closeDialog)
  const [resource, setResource] = useState<ResourceDto | null>(null)
  return (
    <FormDialog
      title="Start a review"
      submitLabel="Start review"
      saving={saving}
      onSubmit={() => void start(resource?.id ?? null)}
      onClose={close}
      problem={problem}
    >
      <DialogContentText>
        Every active grant on the resource is listed, to be kept, shortened or revoked. Its other owners are told.
      </DialogContentText>
      <ResourceField
        resources={resources}
        value={resource}
        onChange={setResource}
        problem={problem}
        autoFocus
        hint="Resources you keep, without a review still open."
      />
    </FormDialog>
  )
}

function ShortenDialog({ grantIds }: { grantIds: number[] }) {
  const saving = useReviews((state) => state.saving)
  const problem = useReviews((state) => state.dialogProblem)
  const shorten = useReviews((state) => state.shorten)
  const close = useReviews((state) => state.closeDialog)
  const [validTo, setValidTo] = useState(() => toLocalInput(Date.now() + 24 * 3_600_000))
  return (
    <FormDialog
      title={`Shorten ${grants(grantIds.length)}`}
      submitLabel="Shorten"
      saving={saving}
      onSubmit={() => void shorten(validTo)}
      onClose={close}
      problem={problem}
    >
      <IssueTextField
        field="validTo"
        label="New end"
        type="datetime-local"
        value={validTo}
        onChange={setValidTo}
        problem={problem}
        autoFocus
        required
        hint="Before the grant’s current end; the access stops by itself then."
      />
    </FormDialog>
  )
}

function RevokeDialog({ grantIds }: { grantIds: number[] }) {
  const saving = useReviews((state) => state.saving)
  const problem = useReviews((state) => state.dialogProblem)
  const revoke = useReviews((state) => state.revoke)
  const close = useReviews((state) => state.closeDialog)
  return (
    <ReasonDialog
      title={`Revoke ${grants(grantIds.length)}`}
      submitLabel="Revoke"
      danger
      saving={saving}
      problem={problem}
      hint="Each holder reads it in their notification, e.g. left the project."
      onSubmit={(reason) => void revoke(reason)}
      onClose={close}
    >
      The access ends now. The review records the decision and who made it.
    </ReasonDialog>
  )
}

export function ReviewDialogs({ startable }: { startable: readonly ResourceDto[] }) {
  const dialog = useReviews((state) => state.dialog)
  switch (dialog?.kind) {
    case 'start':
      return <StartReviewDialog resources={startable} />
    case 'shorten':
      return <ShortenDialog key={dialog.grantIds.join(',')} grantIds={dialog.grantIds} />
    case 'revoke':
      return <RevokeDialog key={dialog.grantIds.join(',')} grantIds={dialog.grantIds} />
    default:
      return null
  }
}
