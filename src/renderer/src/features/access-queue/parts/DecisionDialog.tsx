import DialogContentText from '@mui/material/DialogContentText'
import { useState } from 'react'
import type { QueueItemDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { formatHours, resourceAtLevel } from '../../access/access-labels'
import type { Decision } from '../queue-store'
import { useQueue } from '../use-queue'

/**
 * The confirmation an A or D opens. Approving may grant fewer hours than asked; denying needs a
 * reason, which the requester reads. Enter confirms.
 */
export function DecisionDialog({ decision, item }: { decision: Decision; item: QueueItemDto }) {
  const saving = useQueue((state) => state.saving)
  const problem = useQueue((state) => state.dialogProblem)
  const decide = useQueue((state) => state.decide)
  const close = useQueue((state) => state.closeDialog)
  const [comment, setComment] = useState('')
  const [grantedHours, setGrantedHours] = useState(String(item.durationHours))
  const approving = decision === 'approve'
  const firstOfTwo =
    approving && item.approvalsNeeded - item.approvals.filter((approval) => approval.decision === 'approve').length > 1
  return (
    <FormDialog
      title={`${approving ? 'Approve' : 'Deny'} request #${String(item.id)}`}
      submitLabel={approving ? 'Approve' : 'Deny'}
      danger={!approving}
      saving={saving}
      onSubmit={() => void decide({ comment, grantedHours })}
      onClose={close}
      problem={problem}
    >
      <DialogContentText>
        {item.requester.name} asks for {resourceAtLevel(item.resource.key, item.level)},{' '}
        {formatHours(item.durationHours)} from {formatShortTime(item.startsAt)}.
        {firstOfTwo
          ? ' This resource is high risk: yours is the first approval, and a second approver must agree.'
          : ''}
      </DialogContentText>
      {approving ? (
        <IssueTextField
          field="grantedHours"
          label="Grant for (hours)"
          type="number"
          step="1"
          value={grantedHours}
          onChange={setGrantedHours}
          problem={problem}
          autoFocus
          hint={`As asked: ${String(item.durationHours)}. Fewer if less will do; the access ends by itself.`}
        />
      ) : null}
      <IssueTextField
        field="comment"
        label={approving ? 'Comment (optional)' : 'Reason'}
        value={comment}
        onChange={setComment}
        problem={problem}
        required={!approving}
        autoFocus={!approving}
        hint={approving ? 'Kept with the approval.' : 'The requester reads it with the decision.'}
      />
    </FormDialog>
  )
}
