import CloseIcon from '@mui/icons-material/Close'
import Box from '@mui/material/Box'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import type { ReactNode } from 'react'
import type { AuditEntryDto } from '../../../../../shared/contract/audit'
import { formatTime, formatUtc, workstationZone } from '../../../format/time'
import { entityTypeLabel } from '../audit-filter'
import { reasonOf } from '../entry-summaries'
import { useAudit } from '../use-audit'
import { EntityName } from './EntityName'
import { SummaryBlock } from './SummaryBlock'
import { Fact } from '../../../ui/Fact'

const Code = ({ children }: { children: ReactNode }) => (
  <Box component="code" sx={{ fontSize: '0.875rem', overflowWrap: 'anywhere' }}>
    {children}
  </Box>
)

function EntryFacts({ entry }: { entry: AuditEntryDto }) {
  const reason = reasonOf(entry.before, entry.after)
  return (
    <Stack component="dl" spacing={1.5} sx={{ m: 0 }}>
      <Fact label="Who">{entry.actorName}</Fact>
      <Fact label="When">
        {formatTime(entry.at)} ({workstationZone()})
        <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.secondary' }}>
          {formatUtc(entry.at)}
        </Typography>
      </Fact>
      <Fact label="Record">
        {entityTypeLabel(entry.entityType)}: <EntityName entry={entry} />
      </Fact>
      <Fact label="Action">
        <Code>{entry.action}</Code>
      </Fact>
      {reason ? <Fact label="Reason given">{reason}</Fact> : null}
      <Fact label="Before">
        <SummaryBlock json={entry.before} label="Before the change" />
      </Fact>
      <Fact label="After">
        <SummaryBlock json={entry.after} label="After the change" />
      </Fact>
      <Fact label="Entry number">{entry.seq}</Fact>
      <Fact label="Hash">
        <Code>{entry.hash}</Code>
      </Fact>
      <Fact label="Previous entry’s hash">
        <Code>{entry.prevHash}</Code>
      </Fact>
    </Stack>
  )
}

/** One entry whole: the sentence, who, when, the record, what changed and the chain's link. */
export function EntryDetail() {
  const entry = useAudit((state) => state.items.find((item) => item.seq === state.detailSeq) ?? null)
  const showDetail = useAudit((state) => state.showDetail)
  const headingId = useId()
  const close = () => showDetail(null)
  return (
    <Drawer
      anchor="right"
      open={entry !== null}
      onClose={close}
      // Above the frame's bar, which sits over the permanent menu.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-modal': true,
          'aria-labelledby': headingId,
          sx: { width: { xs: '100%', sm: 560, lg: 640 }, p: 3 },
        },
      }}
    >
      {entry ? (
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
            <div>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                Audit entry {entry.seq}
              </Typography>
              <Typography id={headingId} variant="h3" component="h2">
                {entry.summary}
              </Typography>
            </div>
            <IconButton aria-label="Close the entry" onClick={close}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <EntryFacts entry={entry} />
        </Stack>
      ) : null}
    </Drawer>
  )
}
