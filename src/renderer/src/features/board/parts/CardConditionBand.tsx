import { styled } from '@mui/material/styles'
import type { SeverityTone } from '../../../theme/severity-palette'
import type { Theme } from '@mui/material/styles'
import type { CardCondition, CardLevel } from '../card-severity'

const levelWords: Record<CardLevel, string> = {
  evacuation: 'Evacuate',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: '',
}

/** The severity tone a level is drawn in; none has no tone of its own. */
export function levelTone(theme: Theme, level: CardLevel): SeverityTone | null {
  const { severity } = theme.palette
  switch (level) {
    case 'evacuation':
    case 'high':
      return severity.high
    case 'medium':
      return severity.medium
    case 'low':
      return severity.low
    case 'none':
      return null
  }
}

// High and above are filled so they are seen across the room; low (a stale test, an alarm that
// only waits for resolution) is outlined; a calm card says so quietly. Two lines at most.
const Band = styled('div', { shouldForwardProp: (prop) => prop !== 'level' })<{ level: CardLevel }>(({
  theme,
  level,
}) => {
  const tone = levelTone(theme, level)
  const filled = level === 'evacuation' || level === 'high' || level === 'medium'
  return {
    display: 'flex',
    alignItems: 'flex-start',
    // An evacuation's roll call gets the band's whole width, under the word.
    flexWrap: level === 'evacuation' ? 'wrap' : 'nowrap',
    columnGap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    borderRadius: 4,
    border: `2px solid ${tone ? (filled ? tone.fill : tone.text) : 'transparent'}`,
    backgroundColor: tone && filled ? tone.fill : 'transparent',
    color: tone && filled ? tone.onFill : level === 'none' ? theme.palette.text.secondary : theme.palette.text.primary,
    fontSize: '1.0625rem',
    fontWeight: level === 'none' ? 500 : 700,
    lineHeight: 1.3,
  }
})

const Word = styled('span', { shouldForwardProp: (prop) => prop !== 'level' })<{ level: CardLevel }>(({
  theme,
  level,
}) => {
  const tone = levelTone(theme, level)
  const filled = level === 'evacuation' || level === 'high' || level === 'medium'
  return {
    flexShrink: 0,
    padding: '0 6px',
    borderRadius: 4,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    fontWeight: 800,
    // On a filled band the word swaps fill and text; on an outlined one it takes the fill.
    backgroundColor: tone ? (filled ? tone.onFill : tone.fill) : 'transparent',
    color: tone ? (filled ? tone.fill : tone.onFill) : 'inherit',
  }
})

const Message = styled('span')({
  minWidth: 0,
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  overflowWrap: 'normal',
  wordBreak: 'normal',
})

const More = styled('span')({ flexShrink: 0, marginLeft: 'auto' })

/** The one most severe alarm of the permit, its level in words, and how many more there are. */
export function CardConditionBand({ condition }: { condition: CardCondition }) {
  const { level, message, more } = condition
  return (
    <Band level={level} data-level={level} title={message}>
      {level === 'none' ? null : <Word level={level}>{levelWords[level]}</Word>}
      {level === 'evacuation' ? (
        <>
          {more > 0 ? <More>+{more}</More> : null}
          <Message sx={{ flexBasis: '100%' }}>{message}</Message>
        </>
      ) : (
        <>
          <Message>{message}</Message>
          {more > 0 ? <More>+{more}</More> : null}
        </>
      )}
    </Band>
  )
}
