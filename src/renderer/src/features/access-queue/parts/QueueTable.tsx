import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useEffect, useRef } from 'react'
import type { QueueItemDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'
import { TablePager } from '../../../ui/TablePager'
import { VisuallyHidden } from '../../../ui/VisuallyHidden'
import { formatHours, formatWaiting } from '../../access/access-labels'
import { ClampedText } from '../../access/parts/ClampedText'
import { SecondaryText } from '../../access/parts/SecondaryText'
import { useQueue } from '../use-queue'

function Markers({ item }: { item: QueueItemDto }) {
  const approvals = item.approvals.filter((approval) => approval.decision === 'approve').length
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
      {item.blocksPermit ? <SeverityChip severity="high" label="Permit waiting" /> : null}
      {item.approvalsNeeded > 1 ? (
        <SeverityChip severity="medium" label={`High risk: ${String(approvals)} of ${String(item.approvalsNeeded)}`} />
      ) : null}
    </Stack>
  )
}

function QueueRow({ item, selected }: { item: QueueItemDto; selected: boolean }) {
  const select = useQueue((state) => state.select)
  const row = useRef<HTMLTableRowElement | null>(null)
  useEffect(() => {
    if (selected) row.current?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])
  return (
    <TableRow
      ref={row}
      hover
      selected={selected}
      aria-selected={selected}
      onClick={() => select(item.id)}
      sx={{
        cursor: 'pointer',
        '&.Mui-selected': { boxShadow: (theme) => `inset 4px 0 0 ${theme.palette.primary.main}` },
      }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Typography sx={{ fontWeight: 700 }}>{formatWaiting(item.ageMs)}</Typography>
        <SecondaryText>#{item.id}</SecondaryText>
      </TableCell>
      <TableCell>
        <Typography sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{item.requester.name}</Typography>
        {item.filedBy ? <SecondaryText>filed by {item.filedBy.name}</SecondaryText> : null}
      </TableCell>
      <TableCell>
        <Typography sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{item.resource.key}</Typography>
        <SecondaryText>level {item.level}</SecondaryText>
        <Markers item={item} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Typography>{formatHours(item.durationHours)}</Typography>
        {item.startsAt > item.createdAt + 60_000 ? (
          <SecondaryText>from {formatShortTime(item.startsAt)}</SecondaryText>
        ) : null}
      </TableCell>
      <TableCell>
        <ClampedText text={item.justification} />
      </TableCell>
    </TableRow>
  )
}

/**
 * The queue itself: one row per request, the selected one marked. The table takes the focus, so
 * the keys work the moment the page opens.
 */
export function QueueTable() {
  const items = useQueue((state) => state.items)
  const loaded = useQueue((state) => state.loaded)
  const loading = useQueue((state) => state.loading)
  const selectedId = useQueue((state) => state.selectedId)
  const total = useQueue((state) => state.total)
  const offset = useQueue((state) => state.offset)
  const limit = useQueue((state) => state.limit)
  const setPage = useQueue((state) => state.setPage)
  const setLimit = useQueue((state) => state.setLimit)
  const container = useRef<HTMLDivElement | null>(null)
  const hasItems = items.length > 0
  useEffect(() => {
    // Take the focus only from nobody: a person typing in the search keeps it.
    if (hasItems && (document.activeElement === null || document.activeElement === document.body))
      container.current?.focus()
  }, [hasItems])
  const selected = items.find((item) => item.id === selectedId)
  return (
    <Paper variant="outlined" sx={{ minWidth: 0 }}>
      {loading && !loaded ? <LinearProgress aria-label="Loading the queue" /> : null}
      <TableContainer
        ref={container}
        tabIndex={0}
        role="group"
        aria-label="Approval queue: arrow keys move, A approves, D denies"
        aria-describedby="queue-selection"
        sx={{
          maxHeight: { lg: 'calc(100vh - 360px)' },
          '&:focus-visible': { outline: (theme) => `3px solid ${theme.palette.secondary.main}`, outlineOffset: -3 },
        }}
      >
        <Table size="small" stickyHeader aria-label="Approval queue">
          <TableHead>
            <TableRow>
              <TableCell>Waiting</TableCell>
              <TableCell>Requester</TableCell>
              <TableCell>Resource</TableCell>
              <TableCell>Asked for</TableCell>
              <TableCell sx={{ width: '34%' }}>Justification</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <QueueRow key={item.id} item={item} selected={item.id === selectedId} />
            ))}
            {loaded && items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5}>Nothing waits for your decision.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      <VisuallyHidden id="queue-selection" aria-live="polite">
        {selected
          ? `Selected: request #${String(selected.id)} of ${selected.requester.name} for ${selected.resource.key} (${selected.level})`
          : ''}
      </VisuallyHidden>
      {total > limit ? (
        <TablePager total={total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
      ) : null}
    </Paper>
  )
}
