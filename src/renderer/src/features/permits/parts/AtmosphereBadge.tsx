import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import type { ChipProps } from '@mui/material/Chip'
import Collapse from '@mui/material/Collapse'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatAge } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'

type Atmosphere = PermitCardDto['atmosphere']

const levels: Record<Atmosphere['level'], { label: string; color: ChipProps['color'] }> = {
  green: { label: 'Atmosphere OK', color: 'success' },
  amber: { label: 'Atmosphere: check', color: 'warning' },
  red: { label: 'Atmosphere FAILING', color: 'error' },
  none: { label: 'No atmospheric test', color: 'default' },
}

/** The latest test as green, amber, red or none, its age, and why it is not green. */
export function AtmosphereBadge({ atmosphere }: { atmosphere: Atmosphere }) {
  const now = useServerNow()
  const [expanded, setExpanded] = useState(false)
  const reasonsId = useId()
  const { label, color } = levels[atmosphere.level]
  const age = atmosphere.takenAt === null ? null : formatAge(now - atmosphere.takenAt)
  const reasons = atmosphere.reasons
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Tooltip title={reasons.length > 0 ? reasons.join(' ') : ''}>
          <Chip
            label={label}
            color={color}
            variant={atmosphere.level === 'none' ? 'outlined' : 'filled'}
            sx={{ fontWeight: 700, fontSize: '1rem' }}
          />
        </Tooltip>
        {age ? <Typography sx={{ color: 'text.secondary' }}>Tested {age}</Typography> : null}
        {reasons.length > 0 ? (
          <Button
            size="small"
            aria-expanded={expanded}
            aria-controls={reasonsId}
            onClick={(event) => {
              // The card around the badge opens the permit; this button only unfolds the reasons.
              event.stopPropagation()
              setExpanded((open) => !open)
            }}
          >
            {expanded ? 'Hide reasons' : 'Show reasons'}
          </Button>
        ) : null}
      </Stack>
      <Collapse in={expanded} id={reasonsId}>
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 3 }}>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </Box>
      </Collapse>
    </Box>
  )
}
