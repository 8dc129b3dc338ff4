import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { QueueItemDto } from '../../../../../shared/contract/access'
import { permitStateLabels } from '../../../../../shared/domain/permit-lifecycle'
import type { PermitState } from '../../../../../shared/domain/permit-lifecycle'
import { formatShortTime } from '../../../format/time'
import { useServerNow } from '../../../live/use-server-now'
import { SeverityChip } from '../../../ui/SeverityChip'
import { formatHours } from '../../access/access-labels'
import { GrantStateChip } from '../../access/parts/GrantStateChip'
import { SecondaryText } from '../../access/parts/SecondaryText'
import { PermitLink } from '../../permits/parts/PermitLink'
import { useMayCall } from '../../session/use-access'
import { useQueue } from '../use-queue'
import { Fact } from '../../../ui/Fact'

const permitStateText = (state: string): string => permitStateLabels[state as PermitState] ?? state

function LinkedPermit({ item }: { item: QueueItemDto }) {
  const mayOpen = useMayCall('permits.get')
  const { permit } = item
  if (!permit) return <>None</>
  return (
    <>
      {mayOpen ? <PermitLink permitId={permit.id} number={permit.number} /> : permit.number} ·{' '}
      {permitStateText(permit.state)}, {formatShortTime(permit.validFrom)} to {formatShortTime(permit.validTo)}
      {item.blocksPermit ? (
        <SeverityChip severity="high" label="Someone is waiting at the space" sx={{ ml: 1 }} />
      ) : null}
    </>
  )
}

function RequesterGrants({ item }: { item: QueueItemDto }) {
  const now = useServerNow(30_000)
  if (item.requesterGrants.length === 0) return <>None, now or before</>
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="The requester’s grants on it">
      {item.requesterGrants.map((grant) => (
        <li key={grant.id}>
          <GrantStateChip grant={grant} now={now} /> {grant.level}, {formatShortTime(grant.validFrom)} to{' '}
          {formatShortTime(grant.endedAt ?? grant.validTo)}
          {grant.endNote ? <SecondaryText>{grant.endNote}</SecondaryText> : null}
        </li>
      ))}
    </Stack>
  )
}

/** Everything an approver needs about the selected request, and the two decisions. */
export function QueueDetail() {
  const selected = useQueue((state) => state.items.find((item) => item.id === state.selectedId))
  const openDecision = useQueue((state) => state.openDecision)
  if (!selected) {
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography sx={{ color: 'text.secondary' }}>Select a request to see it whole.</Typography>
      </Paper>
    )
  }
  const approvals = selected.approvals.filter((approval) => approval.decision === 'approve')
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={`Request #${String(selected.id)}`}
      sx={{ p: 2, position: { lg: 'sticky' }, top: { lg: 88 }, minWidth: 0 }}
    >
      <Typography variant="h3" component="h2">
        {selected.requester.name} asks for {selected.resource.key}
      </Typography>
      <SecondaryText>
        Request #{selected.id}, filed {formatShortTime(selected.createdAt)}
        {selected.filedBy ? ` by ${selected.filedBy.name}` : ''}; expires {formatShortTime(selected.expiresAt)}{' '}
        undecided
      </SecondaryText>
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => openDecision('approve')} aria-keyshortcuts="A">
          Approve (A)
        </Button>
        <Button variant="outlined" color="error" onClick={() => openDecision('deny')} aria-keyshortcuts="D">
          Deny (D)
        </Button>
      </Stack>
      <Divider sx={{ my: 2 }} />
      <Stack component="dl" spacing={1.5} sx={{ m: 0 }}>
        <Fact label="Resource and level">
          {selected.resource.name} · <strong>{selected.level}</strong>
        </Fact>
        {selected.approvalsNeeded > 1 ? (
          <Fact label="High risk">
            Needs {selected.approvalsNeeded} approvers;{' '}
            {approvals.length === 0
              ? 'none yet'
              : `approved so far by ${approvals.map((approval) => approval.approver.name).join(', ')}`}
          </Fact>
        ) : null}
        <Fact label="Asked for">
          {formatHours(selected.durationHours)} from {formatShortTime(selected.startsAt)}
        </Fact>
        <Fact label="Justification">{selected.justification}</Fact>
        <Fact label="Permit">
          <LinkedPermit item={selected} />
        </Fact>
        <Fact label={`${selected.requester.name}’s grants on ${selected.resource.key}`}>
          <RequesterGrants item={selected} />
        </Fact>
      </Stack>
    </Paper>
  )
}
