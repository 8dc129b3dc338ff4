import Typography from '@mui/material/Typography'
import type { TypographyProps } from '@mui/material/Typography'
import { timeLeft } from '../../../format/durations'
import type { TimeLeftTone } from '../../../format/durations'
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
}: {
  validFrom: number
  validTo: number
  variant?: TypographyProps['variant']
}) {
  const now = useServerNow()
  const { text, tone } = timeLeft(validFrom, validTo, now)
  return (
    <Typography variant={variant} component="p" sx={{ color: toneColours[tone], fontWeight: 600 }}>
      {text}
    </Typography>
  )
}
