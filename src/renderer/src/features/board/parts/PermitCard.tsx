import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import { styled } from '@mui/material/styles'
import Typography from '@mui/material/Typography'
import type { MouseEvent } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { navigate } from '../../../app/navigation/hash-route'
import { permitHref } from '../../../app/navigation/routes'
import { formatAge } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'
import { PermitLink } from '../../permits/parts/PermitLink'
import { PermitStateChip } from '../../permits/parts/PermitStateChip'
import { TimeLeftText } from '../../permits/parts/TimeLeftText'
import { worstCondition } from '../card-severity'
import type { CardLevel } from '../card-severity'
import { AtmosphereChip } from './AtmosphereChip'
import { CardAttendant } from './CardAttendant'
import { CardConditionBand, levelTone } from './CardConditionBand'

const borderWidths: Record<CardLevel, number> = { evacuation: 5, high: 3, medium: 3, low: 2, none: 1 }

const CardFrame = styled('article', { shouldForwardProp: (prop) => prop !== 'level' })<{ level: CardLevel }>(({
  theme,
  level,
}) => {
  const tone = levelTone(theme, level)
  const colour = tone ? (level === 'low' ? tone.text : tone.fill) : theme.palette.divider
  return {
    padding: theme.spacing(1.25, 1.5),
    backgroundColor: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    cursor: 'pointer',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    lineHeight: 1.3,
    '& .MuiChip-root': { height: 32 },
    border: `${String(borderWidths[level])}px solid ${colour}`,
    // An evacuation under way stands out from every alarm: a second ring around the card.
    outline: level === 'evacuation' ? `4px solid ${colour}` : 'none',
    outlineOffset: 3,
    '&:hover': { borderColor: tone ? colour : theme.palette.primary.main },
  }
})

// One line each; a long name ends in an ellipsis rather than break a tag or a number mid-word.
const Line = styled('div')({
  display: 'flex',
  alignItems: 'baseline',
  gap: 8,
  minWidth: 0,
  '& > *': { minWidth: 0 },
})

const OneLine = styled('span')({ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' })

// Names inside on one line, comma-separated by the stylesheet so a screen reader hears a list.
const Names = styled('ul')({
  display: 'inline',
  margin: 0,
  padding: 0,
  listStyle: 'none',
  '& > li': { display: 'inline' },
  '& > li:not(:last-child)::after': { content: '", "' },
})

/** One permit on the wall: its worst alarm, where, which permit, its state and time, who is in and who watches, the air. */
export function PermitCard({ card, onDetails }: { card: PermitCardDto; onDetails(permitId: number): void }) {
  const now = useServerNow()
  const condition = worstCondition(card)
  const open = (event: MouseEvent) => {
    // Buttons and links inside the card do their own thing; anywhere else opens the permit.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    navigate(permitHref(card.id))
  }
  const inside = card.inside.length
  return (
    <CardFrame
      level={condition.level}
      data-level={condition.level}
      aria-label={`Permit ${card.number}, ${card.spaceTag}`}
      onClick={open}
    >
      <CardConditionBand condition={condition} />
      <Line sx={{ alignItems: 'center' }}>
        <Typography
          component="h2"
          title={card.spaceTag}
          sx={{
            flex: 1,
            fontSize: '1.625rem',
            fontWeight: 800,
            lineHeight: 1.2,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {card.spaceTag}
        </Typography>
        <IconButton
          size="small"
          aria-label={`Details of permit ${card.number}`}
          onClick={() => onDetails(card.id)}
          sx={{ flexShrink: 0, my: -0.5, mr: -0.75, p: 0.5 }}
        >
          <InfoOutlinedIcon />
        </IconButton>
      </Line>
      <Line sx={{ color: 'text.secondary' }}>
        <OneLine title={`${card.spaceName}, ${card.siteName}`}>
          <span>{card.spaceName}</span> · <span>{card.siteName}</span>
        </OneLine>
      </Line>
      <Line>
        <OneLine>
          <PermitLink permitId={card.id} number={card.number} sx={{ fontSize: '1.125rem', fontWeight: 700 }} />
        </OneLine>
      </Line>
      <Line sx={{ flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5 }}>
        <PermitStateChip state={card.state} large />
        <TimeLeftText validFrom={card.validFrom} validTo={card.validTo} size="1.5rem" precision="minutes" />
      </Line>
      <Line>
        <Typography component="p" sx={{ whiteSpace: 'nowrap', flexShrink: 0, fontSize: '1.125rem', lineHeight: 1.2 }}>
          <Box
            component="span"
            sx={{ fontSize: '2rem', fontWeight: 800, lineHeight: 1, fontVariantNumeric: 'tabular-nums' }}
          >
            {inside}
          </Box>{' '}
          inside
        </Typography>
        {inside > 0 ? (
          <OneLine title={card.inside.map((person) => person.name).join(', ')} sx={{ fontSize: '1.125rem' }}>
            <Names aria-label="People inside">
              {card.inside.map((person) => (
                <li key={person.key}>{person.name}</li>
              ))}
            </Names>
          </OneLine>
        ) : null}
      </Line>
      <CardAttendant attendant={card.attendantOnDuty} state={card.state} headcount={inside} />
      <Line sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1, rowGap: 0.5, mt: 'auto' }}>
        <AtmosphereChip level={card.atmosphere.level} />
        {card.atmosphere.takenAt !== null ? (
          <OneLine sx={{ color: 'text.secondary' }}>Tested {formatAge(now - card.atmosphere.takenAt)}</OneLine>
        ) : null}
      </Line>
    </CardFrame>
  )
}
