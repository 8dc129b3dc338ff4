import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { MouseEvent } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { navigate } from '../../../app/navigation/hash-route'
import { permitHref } from '../../../app/navigation/routes'
import { AtmosphereBadge } from '../../permits/parts/AtmosphereBadge'
import { PermitStateChip } from '../../permits/parts/PermitStateChip'
import { TimeLeftText } from '../../permits/parts/TimeLeftText'
import { PermitAlarms } from '../../permits/parts/PermitAlarms'
import { PermitLink } from '../../permits/parts/PermitLink'
import { LiveValues } from '../../permits/parts/LiveValues'
import { needsAttention } from '../board-order'
import { CardAttendant } from './CardAttendant'
import { CardEvacuation } from './CardEvacuation'
import { CardGasAlarm } from './CardGasAlarm'
import { CardHeadcount } from './CardHeadcount'

/** One permit on the wall: what is wrong first, then who is inside, who watches, and the air. */
export function PermitCard({ card }: { card: PermitCardDto }) {
  const urgent = needsAttention(card) || card.evacuation !== null
  const open = (event: MouseEvent) => {
    // Buttons and links inside the card do their own thing; anywhere else opens the permit.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    navigate(permitHref(card.id))
  }
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-label={`Permit ${card.number}, ${card.spaceTag}`}
      onClick={open}
      sx={{
        p: 2,
        cursor: 'pointer',
        borderWidth: urgent ? 3 : 1,
        borderColor: urgent ? 'error.main' : 'divider',
        '&:hover': { borderColor: urgent ? 'error.main' : 'primary.main' },
      }}
    >
      <Stack spacing={1.5}>
        <PermitAlarms alarms={card.alarms} />
        <CardGasAlarm alarms={card.gasAlarms} />
        <CardEvacuation evacuation={card.evacuation} />
        {/* On a narrow card the state chip moves below rather than squeeze the permit number. */}
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap' }}
        >
          <div>
            <Typography variant="h4" component="h2" sx={{ fontWeight: 700 }}>
              {card.spaceTag}
            </Typography>
            <Typography sx={{ fontSize: '1.125rem' }}>{card.spaceName}</Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {card.siteName}
            </Typography>
            <PermitLink permitId={card.id} number={card.number} sx={{ fontSize: '1.375rem', fontWeight: 700 }} />
          </div>
          <PermitStateChip state={card.state} large />
        </Stack>
        <TimeLeftText validFrom={card.validFrom} validTo={card.validTo} />
        <CardHeadcount inside={card.inside} />
        <CardAttendant attendant={card.attendantOnDuty} state={card.state} headcount={card.inside.length} />
        <AtmosphereBadge atmosphere={card.atmosphere} />
        <LiveValues liveValues={card.liveValues} />
      </Stack>
    </Paper>
  )
}
