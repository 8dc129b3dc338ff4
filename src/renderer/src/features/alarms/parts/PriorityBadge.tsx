import { styled } from '@mui/material/styles'
import type { AlarmPriority } from '../alarm-order'
import { priorityLabels } from '../alarm-order'

interface BadgeProps {
  priority: AlarmPriority
  /** On a row already filled with the priority's colour, the badge swaps fill and text. */
  inverted: boolean
}

const Badge = styled('span', {
  shouldForwardProp: (prop) => prop !== 'priority' && prop !== 'inverted',
})<BadgeProps>(({ theme, priority, inverted }) => {
  const tone = theme.palette.severity[priority]
  return {
    display: 'inline-block',
    minWidth: '5.5em',
    padding: '2px 8px',
    borderRadius: 4,
    textAlign: 'center',
    fontWeight: 800,
    letterSpacing: '0.04em',
    textTransform: 'uppercase',
    whiteSpace: 'nowrap',
    backgroundColor: inverted ? tone.onFill : tone.fill,
    color: inverted ? tone.fill : tone.onFill,
  }
})

/** An alarm's priority in words and colour: high red, medium amber, low neutral. */
export function PriorityBadge({ priority, inverted = false }: { priority: AlarmPriority; inverted?: boolean }) {
  return (
    <Badge priority={priority} inverted={inverted}>
      {priorityLabels[priority]}
    </Badge>
  )
}
