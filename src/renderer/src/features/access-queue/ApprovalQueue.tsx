import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import type { KeyboardEvent } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { formatCount } from '../access/access-labels'
import { NoticeAlert } from '../access/parts/NoticeAlert'
import { DecisionDialog } from './parts/DecisionDialog'
import { QueueDetail } from './parts/QueueDetail'
import { QueueFilters } from './parts/QueueFilters'
import { QueueTable } from './parts/QueueTable'
import { queueKeyAction } from './queue-keys'
import { useQueue } from './use-queue'

/** The approver's queue: requests they may decide, the one blocking a permit first, then the oldest. */
export function ApprovalQueue() {
  const open = useQueue((state) => state.open)
  const problem = useQueue((state) => state.problem)
  const notice = useQueue((state) => state.notice)
  const dismissNotice = useQueue((state) => state.dismissNotice)
  const dialog = useQueue((state) => state.dialog)
  const move = useQueue((state) => state.move)
  const openDecision = useQueue((state) => state.openDecision)
  const total = useQueue((state) => state.total)
  const totalCapped = useQueue((state) => state.totalCapped)
  useEffect(() => open(), [open])

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (dialog) return
    const action = queueKeyAction(event, 10)
    if (!action) return
    event.preventDefault()
    if ('move' in action) move(action.move)
    else openDecision(action.decide)
  }

  return (
    <>
      <QueueFilters>
        <Typography sx={{ color: 'text.secondary', ml: 'auto' }}>
          <strong>{formatCount(total, totalCapped)} waiting</strong> · ↑ ↓ move · A approve · D deny
        </Typography>
      </QueueFilters>
      <NoticeAlert notice={notice} onClose={dismissNotice} />
      <ProblemAlert message={problem} />
      <Box
        onKeyDown={onKeyDown}
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(360px, 2fr)' },
        }}
      >
        <QueueTable />
        <QueueDetail />
      </Box>
      {dialog ? <DecisionDialog key={`${dialog.decision}-${String(dialog.item.id)}`} {...dialog} /> : null}
    </>
  )
}
