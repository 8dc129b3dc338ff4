import { styled } from '@mui/material/styles'
import type { AlarmPriority } from '../alarm-order'

interface SeverityRowProps {
  priority: AlarmPriority
  /** Unacknowledged: filled with the priority's colour so it is seen from across the room. */
  filled: boolean
}

/** One alarm on a line, drawn in its priority's colour; the banner and the permit page share it. */
export const SeverityRow = styled('li', {
  shouldForwardProp: (prop) => prop !== 'priority' && prop !== 'filled',
})<SeverityRowProps>(({ theme, priority, filled }) => {
  const tone = theme.palette.severity[priority]
  return {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    padding: theme.spacing(0.75, 1.5),
    borderRadius: theme.shape.borderRadius,
    border: `2px solid ${filled ? tone.fill : tone.text}`,
    backgroundColor: filled ? tone.fill : 'transparent',
    color: filled ? tone.onFill : theme.palette.text.primary,
    listStyle: 'none',
  }
})

/** The list that holds severity rows. */
export const SeverityList = styled('ul')(({ theme }) => ({
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: theme.spacing(0.75),
}))
