import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { formatTime, workstationZone } from '../../format/time'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { Section } from '../../ui/Section'
import { exposureWindows, type ExposureWindowDays } from './exposure-store'
import { ShiftExposureSection } from './parts/ShiftExposureSection'
import { useExposure } from './use-exposure'

/** A person's stays and what they breathed: each shift's 8 h TWA and 15 min STEL of H2S and CO against the limits. */
export function PersonExposurePage({ personKey }: { personKey: string }) {
  const open = useExposure((state) => state.open)
  const days = useExposure((state) => state.days)
  const setDays = useExposure((state) => state.setDays)
  const reload = useExposure((state) => state.reload)
  const exposure = useExposure((state) => state.exposure)
  const loading = useExposure((state) => state.loading)
  const problem = useExposure((state) => state.problem)
  useEffect(() => open(personKey), [open, personKey])
  const shown = exposure?.personKey === personKey ? exposure : null
  const exceeded = shown?.shifts.filter((shift) => shift.exceeded).length ?? 0
  return (
    <>
      <PageHeader
        title={shown ? `${shown.personName}: exposure` : 'Exposure'}
        actions={
          <>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={days}
              aria-label="Window"
              onChange={(_event, value: ExposureWindowDays | null) => (value ? setDays(value) : undefined)}
            >
              {exposureWindows.map((window) => (
                <ToggleButton key={window.days} value={window.days}>
                  {window.label}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Button variant="outlined" onClick={() => void reload()}>
              Compute again
            </Button>
          </>
        }
      />
      <ProblemAlert message={problem} />
      {loading ? <LinearProgress aria-label="Computing exposure" sx={{ mb: 2 }} /> : null}
      {shown ? (
        <>
          <Typography sx={{ mb: 2 }}>
            {shown.shifts.length === 0
              ? `No time inside a space from ${formatTime(shown.from)} to ${formatTime(shown.to)}.`
              : `${String(shown.shifts.length)} ${shown.shifts.length === 1 ? 'shift' : 'shifts'} from ${formatTime(shown.from)} to ${formatTime(shown.to)}; ${exceeded === 0 ? 'no limit exceeded' : `a limit exceeded in ${String(exceeded)}`}. Computed ${formatTime(shown.at)} (times in ${workstationZone()}).`}
          </Typography>
          {shown.shifts.map((shift) => (
            <ShiftExposureSection key={shift.startsAt} shift={shift} />
          ))}
          <Section title="Method">
            <Typography>{shown.method}</Typography>
          </Section>
        </>
      ) : null}
    </>
  )
}
