import Typography from '@mui/material/Typography'
import type { TypographyProps } from '@mui/material/Typography'
import { timeLeft } from '../../../format/durations'
import type { Precision, TimeLeftTone } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'

const toneColours: Record<TimeLeftTone, string> = {
  pending: 'text.secondary',
  running: 'text.primary',
  ending: 'warning.main',
  ended: 'error.main',
}

/** Time left to validTo, ticking on the server's clock. */
export function TimeLeftText({
  validFrom,
  validTo,
  variant = 'h5',
  size,
  precision = 'seconds',
}: {
  validFrom: number
  validTo: number
  variant?: TypographyProps['variant']
  /** A font size of its own, for a board read from across the room. */
  size?: string
  /** A wall display counts minutes: seconds ticking across a room are noise. */
  precision?: Precision
}) {
  const now = useServerNow()
  const { text, tone } = timeLeft(validFrom, validTo, now, precision)
  return (
    <Typography
      variant={variant}
      component="p"
      sx={{ color: toneColours[tone], fontWeight: 700, whiteSpace: 'nowrap', ...(size ? { fontSize: size } : {}) }}
    >
      {text}
    </Typography>
  )
}
