import Box from '@mui/material/Box'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { Section } from '../../../ui/Section'
import { AtmosphereBadge } from '../../permits/parts/AtmosphereBadge'
import { TestsTable } from '../../permits/parts/TestsTable'
import { useMayCall } from '../../session/use-access'
import { RecordTestForm } from './RecordTestForm'

export function TestsSection({ detail }: { detail: PermitDetailDto }) {
  const mayTest = useMayCall('atmosphere.recordTest')
  return (
    <Section title="Atmospheric tests">
      <AtmosphereBadge atmosphere={detail.card.atmosphere} />
      <Box sx={{ overflowX: 'auto', my: 2 }}>
        <TestsTable tests={detail.tests} />
      </Box>
      {mayTest && !isTerminal(detail.card.state) ? <RecordTestForm detail={detail} /> : null}
    </Section>
  )
}
