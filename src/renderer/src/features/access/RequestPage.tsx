import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import type { RequestDto } from '../../../../shared/contract/access'
import { formatShortTime } from '../../format/time'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useMayCall } from '../session/use-access'
import { useSession } from '../session/use-session'
import { formatHours } from './access-labels'
import { accessTabHref, grantHref } from './access-route'
import { RequestOutcome } from './parts/RequestOutcome'
import { RequestStatusChip } from './parts/RequestStatusChip'
import { SecondaryText } from './parts/SecondaryText'
import { useRequest } from './use-request'

function Approvals({ request }: { request: RequestDto }) {
  if (request.approvals.length === 0) return <Typography>No decision yet.</Typography>
  return (
    <Stack component="ol" spacing={1} sx={{ pl: 3, m: 0 }} aria-label="Decisions">
      {request.approvals.map((approval) => (
        <li key={`${String(approval.approver.id)}-${String(approval.at)}`}>
          <Typography>
            <strong>{approval.decision === 'approve' ? 'Approved' : 'Denied'}</strong> by {approval.approver.name},{' '}
            {formatShortTime(approval.at)}
            {approval.grantedUntil !== null ? `, until ${formatShortTime(approval.grantedUntil)}` : ''}
          </Typography>
          {approval.comment ? <SecondaryText>“{approval.comment}”</SecondaryText> : null}
        </li>
      ))}
    </Stack>
  )
}

/** One request, as a notification opens it: what was asked, where it stands, who decided. */
export function RequestPage({ requestId }: { requestId: number }) {
  const open = useRequest((state) => state.open)
  const request = useRequest((state) => state.request)
  const problem = useRequest((state) => state.problem)
  const userId = useSession((state) => state.user?.id)
  const mayDecide = useMayCall('access.queue')
  useEffect(() => open(requestId), [open, requestId])
  const mine = request?.requester.id === userId
  return (
    <>
      <PageHeader
        title={`Access request #${String(requestId)}`}
        actions={
          <Button variant="outlined" href={accessTabHref(mine || !mayDecide ? 'mine' : 'queue')}>
            {mine || !mayDecide ? 'My access' : 'Approval queue'}
          </Button>
        }
      />
      <ProblemAlert message={problem} />
      {request ? (
        <Paper variant="outlined" sx={{ p: 3, maxWidth: 900 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <RequestStatusChip status={request.status} />
            <Typography variant="h2" component="h2">
              {request.requester.name}: {request.resource.key} ({request.level})
            </Typography>
          </Stack>
          <RequestOutcome request={request} />
          <Stack spacing={2} sx={{ mt: 2 }}>
            <Typography>
              {formatHours(request.durationHours)} from {formatShortTime(request.startsAt)}, filed{' '}
              {formatShortTime(request.createdAt)}
              {request.filedBy ? ` by ${request.filedBy.name}` : ''}.
              {request.permit ? ` Linked to permit ${request.permit.number} (${request.permit.state}).` : ''}
            </Typography>
            <div>
              <Typography variant="h3" component="h3">
                Justification
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{request.justification}</Typography>
            </div>
            <div>
              <Typography variant="h3" component="h3">
                Decisions
              </Typography>
              <Approvals request={request} />
            </div>
            {request.grantId !== null && mine ? (
              <Link href={grantHref(request.grantId)}>See grant #{request.grantId} in My access</Link>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </>
  )
}
