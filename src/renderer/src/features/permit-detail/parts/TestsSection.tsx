import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { Section } from '../../../ui/Section'
import { AtmosphereBadge } from '../../permits/parts/AtmosphereBadge'
import { TestsTable } from '../../permits/parts/TestsTable'
import { useMayCall } from '../../session/use-access'
import { RecordTestForm } from './RecordTestForm'

export function TestsSection({ detail }: { detail: PermitDetailDto }) {
  const mayTest = useMayCall('atmosphere.recordTest')
  const { atmosphere, state } = detail.card
  // An ended permit admits nobody, so its air gets no verdict: the tests below are the record.
  const final = isTerminal(state)
  return (
    <Section title="Atmospheric tests">
      {final ? (
        <Typography sx={{ color: 'text.secondary' }}>
          {atmosphere.reasons.join(' ') || 'The permit has ended: its atmosphere is no longer judged.'}
        </Typography>
      ) : (
        <AtmosphereBadge atmosphere={atmosphere} />
      )}
      <Box sx={{ overflowX: 'auto', my: 2 }}>
        <TestsTable tests={detail.tests} />
      </Box>
      {mayTest && !final ? <RecordTestForm detail={detail} /> : null}
    </Section>
  )
}
