import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { LiveValuesDto } from '../../../../../shared/contract/live-values'
import { gases } from '../../../../../shared/domain/gases'
import { formatReadingAge } from '../../../format/durations'
import { useServerNow } from '../../../live/use-server-now'
import { SeverityChip } from '../../../ui/SeverityChip'
import { GasValuePill } from './GasValuePill'

function InstrumentValues({ values, now }: { values: LiveValuesDto; now: number }) {
  const ordered = gases.flatMap((gas) => values.gases.filter((value) => value.gas === gas))
  const newest = Math.max(...values.gases.map((value) => value.loggedAt))
  return (
    <Box role="group" aria-label={`Live values from ${values.instrumentName}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography component="span" sx={{ fontWeight: 700 }}>
          {values.instrumentName}
        </Typography>
        <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
          {values.monitoredBy}
        </Typography>
        {values.simulated ? <SeverityChip severity="low" label="Simulated" /> : null}
        {values.flagged.length > 0 ? (
          <Tooltip title={values.flagged.join(' ')}>
            <SeverityChip
              severity="medium"
              label="Flagged"
              tabIndex={0}
              aria-label={`Flagged: ${values.flagged.join(' ')}`}
            />
          </Tooltip>
        ) : null}
        {Number.isFinite(newest) ? (
          <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
            {formatReadingAge(now - newest)}
          </Typography>
        ) : null}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {ordered.map((value) => (
          <GasValuePill key={value.gas} value={value} />
        ))}
      </Stack>
    </Box>
  )
}

/** The latest value of each gas from each monitor on the permit, with its age and verdict. */
export function LiveValues({ liveValues }: { liveValues: readonly LiveValuesDto[] }) {
  const now = useServerNow()
  if (liveValues.length === 0) return null
  return (
    <Stack spacing={1}>
      {liveValues.map((values) => (
        <InstrumentValues key={values.instrumentId} values={values} now={now} />
      ))}
    </Stack>
  )
}
