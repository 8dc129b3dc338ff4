import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { alarmListHref } from '../../../app/navigation/routes'
import { useServerNow } from '../../../live/use-server-now'
import { printHidden } from '../../../theme/PrintStyles'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useMayCall } from '../../session/use-access'
import { isUnacknowledged } from '../alarm-order'
import { useAlarms } from '../use-alarms'
import { AlarmBannerRow } from './AlarmBannerRow'
import { FloodIndicator } from './FloodIndicator'
import { SeverityList } from './SeverityRow'

/** Enough to see the worst at 1366x768 without pushing the page off the screen. */
const collapsedRows = 3

const countText = (open: number, unacknowledged: number): string =>
  `${open === 1 ? '1 open alarm' : `${String(open)} open alarms`}` +
  (unacknowledged > 0 ? `, ${String(unacknowledged)} not acknowledged` : ', all acknowledged')

/** The open alarms above every page, worst first, with acknowledgement at hand. */
export function AlarmBanner() {
  const summary = useAlarms((state) => state.summary)
  const ordered = useAlarms((state) => state.ordered)
  const problem = useAlarms((state) => state.problem)
  const acknowledging = useAlarms((state) => state.acknowledging)
  const acknowledgeProblem = useAlarms((state) => state.acknowledgeProblem)
  const soundBlocked = useAlarms((state) => state.soundBlocked)
  const acknowledge = useAlarms((state) => state.acknowledge)
  const mayAcknowledge = useMayCall('alarms.acknowledge')
  const now = useServerNow()
  const [expanded, setExpanded] = useState(false)

  const openCount = summary?.openCount ?? 0
  const flood = summary?.flood ?? false
  if (openCount === 0 && !flood && !problem) return null

  const unacknowledged = ordered.filter((alarm) => isUnacknowledged(alarm.state))
  const shown = expanded ? ordered : ordered.slice(0, collapsedRows)
  const unlisted = openCount - ordered.length
  return (
    <Paper
      component="section"
      aria-label="Alarms"
      variant="outlined"
      className={printHidden}
      sx={(theme) => ({
        // Kept in view while the page scrolls where the screen is tall enough to spare the room;
        // at 1366x768 it would hide too much of the page, and the title and tone still carry it.
        '@media (min-height: 900px)': { position: 'sticky', top: 64, zIndex: theme.zIndex.appBar - 1 },
        p: 1.5,
        mb: 3,
        borderWidth: 2,
        borderColor: theme.palette.severity[ordered[0]?.priority ?? 'low'].text,
      })}
    >
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography component="h2" variant="h3" aria-live="polite">
          {summary ? countText(openCount, summary.unacknowledgedCount) : 'Alarms'}
        </Typography>
        {flood && summary ? <FloodIndicator raised={summary.raisedLast10Min} /> : null}
        <Box sx={{ flexGrow: 1 }} />
        {mayAcknowledge && unacknowledged.length > 0 ? (
          <Button
            variant="contained"
            disabled={acknowledging}
            onClick={() => void acknowledge(unacknowledged.map((alarm) => alarm.id))}
          >
            Acknowledge all ({unacknowledged.length})
          </Button>
        ) : null}
        {ordered.length > collapsedRows ? (
          <Button variant="outlined" aria-expanded={expanded} onClick={() => setExpanded((open) => !open)}>
            {expanded ? 'Show fewer' : `Show all ${String(ordered.length)}`}
          </Button>
        ) : null}
        <Link href={alarmListHref} sx={{ fontWeight: 600 }}>
          Alarm list
        </Link>
      </Stack>
      {soundBlocked && unacknowledged.length > 0 ? (
        <Typography sx={{ mb: 1, fontWeight: 600 }}>
          The browser is holding the alarm sound back: click anywhere in this window to let it sound.
        </Typography>
      ) : null}
      <ProblemAlert message={problem ? `Alarms could not be read: ${problem} Trying again.` : null} />
      <ProblemAlert message={acknowledgeProblem} />
      <SeverityList aria-label="Open alarms">
        {shown.map((alarm) => (
          <AlarmBannerRow key={alarm.id} alarm={alarm} now={now} mayAcknowledge={mayAcknowledge} />
        ))}
      </SeverityList>
      {unlisted > 0 ? (
        <Typography sx={{ mt: 1 }}>
          {unlisted === 1 ? '1 older open alarm is' : `${String(unlisted)} older open alarms are`} in the{' '}
          <Link href={alarmListHref}>alarm list</Link>.
        </Typography>
      ) : null}
    </Paper>
  )
}
