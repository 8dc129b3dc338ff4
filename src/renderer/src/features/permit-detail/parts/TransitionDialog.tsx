import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { ManualAction } from '../permit-view-state'
import { usePermit } from '../use-permit'

interface TransitionText {
  title: string
  submit: string
  explain: string
  field: 'reason' | 'closeOutNotes' | null
  label?: string
  hint?: string
  danger?: boolean
  dismiss?: string
}

const texts: Record<ManualAction, TransitionText> = {
  submit: {
    title: 'Submit for authorization',
    submit: 'Submit',
    explain: 'The entry supervisor checks the permit and signs it to authorize entry.',
    field: null,
  },
  return_to_draft: {
    title: 'Return to draft',
    submit: 'Return to draft',
    explain: 'The permit goes back to its author for changes.',
    field: 'reason',
    label: 'What needs changing',
    hint: 'Shown on the permit’s timeline.',
  },
  suspend: {
    title: 'Suspend permit',
    submit: 'Suspend',
    explain:
      'No one may enter while the permit is suspended; people inside should come out (exits are always recorded). Before work resumes the space is fully re-checked.',
    field: 'reason',
    label: 'Reason',
    hint: 'Recommended: the condition that made you suspend. A suspension is never blocked.',
  },
  resume: {
    title: 'Resume permit',
    submit: 'Resume',
    explain:
      'The permit returns to authorized. Everyone must be out; the next entry passes every entry condition again, a fresh atmospheric test included.',
    field: null,
  },
  close: {
    title: 'Close permit',
    submit: 'Close permit',
    explain: 'Closing ends the permit for good; everyone must be out.',
    field: 'closeOutNotes',
    label: 'Close-out notes',
    hint: 'Required: how the work ended and any problems encountered during entry.',
  },
  cancel: {
    title: 'Cancel permit',
    submit: 'Cancel permit',
    explain: 'Cancelling ends the permit for good; everyone must be out. It is kept for the annual review.',
    field: 'reason',
    label: 'Reason',
    hint: 'Required. Kept with the permit.',
    danger: true,
    dismiss: 'Keep permit',
  },
}

export function TransitionDialog({ action }: { action: ManualAction }) {
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const transition = usePermit((state) => state.transition)
  const closeDialog = usePermit((state) => state.closeDialog)
  const [text, setText] = useState('')
  const spec = texts[action]
  const submit = () =>
    void transition(action, {
      reason: spec.field === 'reason' ? text : '',
      closeOutNotes: spec.field === 'closeOutNotes' ? text : '',
    })
  return (
    <FormDialog
      title={spec.title}
      submitLabel={spec.submit}
      dismissLabel={spec.dismiss}
      danger={spec.danger}
      saving={saving}
      onSubmit={submit}
      onClose={closeDialog}
      problem={problem}
    >
      <DialogContentText>{spec.explain}</DialogContentText>
      {spec.field ? (
        <IssueTextField
          field={spec.field}
          label={spec.label ?? ''}
          value={text}
          onChange={setText}
          problem={problem}
          hint={spec.hint}
          multiline
          autoFocus
          required={spec.field === 'closeOutNotes' || action === 'cancel'}
        />
      ) : null}
    </FormDialog>
  )
}
