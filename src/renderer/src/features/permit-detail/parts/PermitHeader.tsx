import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { formatShortTime } from '../../../format/time'
import { PermitStateChip } from '../../permits/parts/PermitStateChip'
import { TimeLeftText } from '../../permits/parts/TimeLeftText'

export function PermitHeader({ detail }: { detail: PermitDetailDto }) {
  const { card } = detail
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1">Permit {card.number}</Typography>
        <PermitStateChip state={card.state} large />
      </Stack>
      <Typography variant="h3" component="p">
        {card.spaceTag} — {card.spaceName}
        <Typography component="span" sx={{ color: 'text.secondary', ml: 1 }}>
          {card.siteName}
          {card.location ? `, ${card.location}` : ''}
        </Typography>
      </Typography>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography>
          Valid from {formatShortTime(card.validFrom)} to {formatShortTime(card.validTo)}
        </Typography>
        {/* An ended permit is a record: its state chip says so, and no time is counted. */}
        {isTerminal(card.state) ? null : <TimeLeftText validFrom={card.validFrom} validTo={card.validTo} />}
      </Stack>
      <Typography>
        Entry supervisor: <strong>{card.entrySupervisor}</strong>
      </Typography>
    </Stack>
  )
}
