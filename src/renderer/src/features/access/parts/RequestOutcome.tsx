import type { RequestDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { SecondaryText } from './SecondaryText'

/** Under a request's status: who decided and until when, why it ended, or what it still waits for. */
export function RequestOutcome({ request }: { request: RequestDto }) {
  const approvals = request.approvals.filter((approval) => approval.decision === 'approve')
  const last = request.approvals.at(-1)
  switch (request.status) {
    case 'pending':
      return (
        <>
          {request.approvalsNeeded > 1 ? (
            <SecondaryText>
              {approvals.length} of {request.approvalsNeeded} approvals
              {approvals.length > 0 ? ` (${approvals.map((a) => a.approver.name).join(', ')})` : ''}
            </SecondaryText>
          ) : null}
          <SecondaryText>expires {formatShortTime(request.expiresAt)} undecided</SecondaryText>
        </>
      )
    case 'approved': {
      const until = Math.min(...approvals.map((a) => a.grantedUntil ?? Number.POSITIVE_INFINITY))
      return (
        <SecondaryText>
          by {approvals.map((a) => a.approver.name).join(' and ')}
          {Number.isFinite(until) ? `, until ${formatShortTime(until)}` : ''}
        </SecondaryText>
      )
    }
    case 'denied':
      return (
        <SecondaryText>
          by {last?.approver.name ?? 'an approver'}: {request.statusReason ?? last?.comment ?? ''}
        </SecondaryText>
      )
    default:
      return request.statusReason ? <SecondaryText>{request.statusReason}</SecondaryText> : null
  }
}
