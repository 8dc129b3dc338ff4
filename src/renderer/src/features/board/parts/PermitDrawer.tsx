import CloseIcon from '@mui/icons-material/Close'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { permitHref } from '../../../app/navigation/routes'
import { formatShortTime } from '../../../format/time'
import { PermitGasAlarms } from '../../alarms/parts/PermitGasAlarms'
import { AtmosphereBadge } from '../../permits/parts/AtmosphereBadge'
import { LiveValues } from '../../permits/parts/LiveValues'
import { PermitAlarms } from '../../permits/parts/PermitAlarms'
import { PermitLink } from '../../permits/parts/PermitLink'
import { PermitStateChip } from '../../permits/parts/PermitStateChip'
import { TimeLeftText } from '../../permits/parts/TimeLeftText'

function Evacuation({ evacuation }: { evacuation: NonNullable<PermitCardDto['evacuation']> }) {
  const { stillInside } = evacuation
  return (
    <Box
      role="group"
      aria-label="Evacuation"
      sx={(theme) => ({
        p: 1.5,
        borderRadius: 1,
        backgroundColor: theme.palette.severity.high.fill,
        color: theme.palette.severity.high.onFill,
      })}
    >
      <Typography sx={{ fontSize: '1.25rem', fontWeight: 800 }}>
        EVACUATION ordered {formatShortTime(evacuation.orderedAt)}
      </Typography>
      <Typography>{evacuation.reason}</Typography>
      <Typography sx={{ fontWeight: 700 }}>
        {stillInside.length === 0
          ? 'Everyone is out.'
          : `Still to come out (${String(stillInside.length)}): ${stillInside.join(', ')}`}
      </Typography>
    </Box>
  )
}

/** Everything the compact card leaves out: every alarm, the roll call, the air and its reasons, live values. */
export function PermitDrawer({ card, onClose }: { card: PermitCardDto | null; onClose(): void }) {
  return (
    <Drawer
      anchor="right"
      open={card !== null}
      onClose={onClose}
      // Above the frame's bar, which sits over the permanent menu.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 480 }, p: 3 } } }}
    >
      {card ? (
        <Stack spacing={2} role="region" aria-label={`Details of permit ${card.number}`}>
          <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
            <div>
              <Typography variant="h2" component="h2">
                {card.spaceTag}
              </Typography>
              <Typography>
                {card.spaceName}, {card.siteName}
              </Typography>
              <PermitLink permitId={card.id} number={card.number} sx={{ fontSize: '1.25rem', fontWeight: 700 }} />
            </div>
            <IconButton aria-label="Close the details" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <PermitStateChip state={card.state} large />
            <TimeLeftText validFrom={card.validFrom} validTo={card.validTo} />
          </Stack>
          {card.evacuation ? <Evacuation evacuation={card.evacuation} /> : null}
          <PermitAlarms alarms={card.alarms} />
          <PermitGasAlarms alarms={card.gasAlarms} />
          <section aria-label="Inside">
            <Typography variant="h3" component="h3">
              {card.inside.length} inside
            </Typography>
            {card.inside.length > 0 ? (
              <Box component="ul" sx={{ m: 0, pl: 3, fontSize: '1.125rem' }}>
                {card.inside.map((person) => (
                  <li key={person.key}>
                    {person.name}, since {formatShortTime(person.since)}
                  </li>
                ))}
              </Box>
            ) : (
              <Typography sx={{ color: 'text.secondary' }}>Nobody is inside.</Typography>
            )}
          </section>
          <Typography>
            Attendant on duty: <strong>{card.attendantOnDuty ?? 'nobody'}</strong>
          </Typography>
          <Typography>
            Entry supervisor: <strong>{card.entrySupervisor}</strong>
          </Typography>
          <Typography>Purpose: {card.purpose}</Typography>
          <AtmosphereBadge atmosphere={card.atmosphere} />
          <LiveValues liveValues={card.liveValues} />
          <Box>
            <Button variant="contained" href={permitHref(card.id)}>
              Open the permit
            </Button>
          </Box>
        </Stack>
      ) : null}
    </Drawer>
  )
}
