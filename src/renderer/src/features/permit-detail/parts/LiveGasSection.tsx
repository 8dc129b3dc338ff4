import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { alarmListHref } from '../../../app/navigation/routes'
import { Section } from '../../../ui/Section'
import { LiveValues } from '../../permits/parts/LiveValues'

/** What the monitors on this permit read now; an ended permit with none has nothing to show. */
export function LiveGasSection({ detail }: { detail: PermitDetailDto }) {
  const { liveValues, state } = detail.card
  if (liveValues.length === 0 && isTerminal(state)) return null
  return (
    <Section title="Live gas readings" actions={<Link href={alarmListHref}>Alarm list</Link>}>
      {liveValues.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No monitor is reporting on this permit.</Typography>
      ) : (
        <LiveValues liveValues={liveValues} />
      )}
    </Section>
  )
}
