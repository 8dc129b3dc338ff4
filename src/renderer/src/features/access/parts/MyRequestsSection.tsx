import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { requestStatuses } from '../../../../../shared/contract/access'
import type { RequestDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { formatCount, formatHours, requestStatusLabels } from '../access-labels'
import { requestHref } from '../access-route'
import { useMyAccess } from '../use-my-access'
import { ClampedText } from './ClampedText'
import { RequestOutcome } from './RequestOutcome'
import { RequestStatusChip } from './RequestStatusChip'
import { SecondaryText } from './SecondaryText'
import { Unbroken } from './Unbroken'

const anyStatus = 'any'

function StatusFilter() {
  const status = useMyAccess((state) => state.status)
  const setStatus = useMyAccess((state) => state.setStatus)
  return (
    <TextField
      select
      label="Status"
      value={status ?? anyStatus}
      onChange={(event) => setStatus(requestStatuses.find((candidate) => candidate === event.target.value) ?? null)}
      margin="none"
      size="small"
      sx={{ width: 180 }}
    >
      <MenuItem value={anyStatus}>Any status</MenuItem>
      {requestStatuses.map((value) => (
        <MenuItem key={value} value={value}>
          {requestStatusLabels[value]}
        </MenuItem>
      ))}
    </TextField>
  )
}

function RequestActions({ request }: { request: RequestDto }) {
  const openEdit = useMyAccess((state) => state.openEdit)
  const openWithdraw = useMyAccess((state) => state.openWithdraw)
  if (request.status !== 'pending') return null
  return (
    <Stack
      direction={{ xs: 'column', xl: 'row' }}
      spacing={1}
      sx={{ alignItems: 'flex-end', justifyContent: 'flex-end' }}
    >
      {/* Once someone approved it, it is no longer the requester's to change (the server says so too). */}
      {request.approvals.length === 0 ? (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Edit request #${String(request.id)}`}
          onClick={() => openEdit(request)}
        >
          Edit
        </Button>
      ) : null}
      <Button
        size="small"
        variant="outlined"
        color="error"
        aria-label={`Withdraw request #${String(request.id)}`}
        onClick={() => openWithdraw(request)}
      >
        Withdraw
      </Button>
    </Stack>
  )
}

/** The requester's own requests, newest first, with where each stands. */
export function MyRequestsSection() {
  const requests = useMyAccess((state) => state.requests)
  const total = useMyAccess((state) => state.requestsTotal)
  const totalCapped = useMyAccess((state) => state.requestsTotalCapped)
  const loaded = useMyAccess((state) => state.loaded)
  const hasMore = useMyAccess((state) => state.hasMoreRequests)
  const loadOlder = useMyAccess((state) => state.loadOlderRequests)
  return (
    <Section title="My requests" actions={<StatusFilter />}>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="My requests">
          <TableHead>
            <TableRow>
              <TableCell>Request</TableCell>
              <TableCell>Resource</TableCell>
              <TableCell sx={{ minWidth: 220 }}>Status</TableCell>
              <TableCell>Asked for</TableCell>
              <TableCell sx={{ width: '28%', minWidth: 220 }}>Justification</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {requests.map((request) => (
              <TableRow key={request.id}>
                <TableCell>
                  <Link href={requestHref(request.id)} sx={{ fontWeight: 700 }}>
                    #{request.id}
                  </Link>
                  <SecondaryText>
                    filed <Unbroken>{formatShortTime(request.createdAt)}</Unbroken>
                  </SecondaryText>
                  {request.filedBy ? <SecondaryText>by {request.filedBy.name}</SecondaryText> : null}
                </TableCell>
                <TableCell sx={{ minWidth: 150 }}>
                  <Typography sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{request.resource.key}</Typography>
                  <SecondaryText>
                    {request.resource.name} · {request.level}
                  </SecondaryText>
                </TableCell>
                <TableCell>
                  <RequestStatusChip status={request.status} />
                  <RequestOutcome request={request} />
                </TableCell>
                <TableCell>
                  <Typography>{formatHours(request.durationHours)}</Typography>
                  <SecondaryText>
                    from <Unbroken>{formatShortTime(request.startsAt)}</Unbroken>
                  </SecondaryText>
                  {request.permit ? <SecondaryText>permit {request.permit.number}</SecondaryText> : null}
                </TableCell>
                <TableCell>
                  <ClampedText text={request.justification} />
                </TableCell>
                <TableCell align="right">
                  <RequestActions request={request} />
                </TableCell>
              </TableRow>
            ))}
            {loaded && requests.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6}>No requests. Use “Request access” to ask for a resource.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      {hasMore ? (
        <Button variant="outlined" onClick={() => void loadOlder()} sx={{ mt: 2 }}>
          Load older ({requests.length} of {formatCount(total, totalCapped)} shown)
        </Button>
      ) : null}
    </Section>
  )
}
