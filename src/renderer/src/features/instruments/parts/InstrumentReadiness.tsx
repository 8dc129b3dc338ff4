import Stack from '@mui/material/Stack'
import type { InstrumentDto } from '../../../../../shared/contract/instruments'
import { instrumentStatusLabels } from '../../../../../shared/contract/instruments'
import { SeverityChip } from '../../../ui/SeverityChip'

/** Whether the monitor may be trusted now: in service, bump test and calibration in date. */
export function InstrumentReadiness({ instrument }: { instrument: InstrumentDto }) {
  if (instrument.status !== 'in_service')
    return <SeverityChip severity="low" label={instrumentStatusLabels[instrument.status]} />
  const ready = !instrument.bumpOverdue && !instrument.calibrationOverdue
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {ready ? <SeverityChip severity="ok" label="Ready" /> : null}
      {instrument.bumpOverdue ? <SeverityChip severity="medium" label="Bump overdue" /> : null}
      {instrument.calibrationOverdue ? <SeverityChip severity="high" label="Calibration overdue" /> : null}
    </Stack>
  )
}
