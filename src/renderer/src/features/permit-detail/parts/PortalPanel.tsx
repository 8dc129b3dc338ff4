import Alert from '@mui/material/Alert'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { messageOutside } from '../../../errors/problem'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { UnmetConditionsAlert } from '../../../ui/UnmetConditionsAlert'
import { useMayCall } from '../../session/use-access'
import { usePermit } from '../use-permit'
import { InsideList } from './InsideList'
import { LogEntryForm } from './LogEntryForm'

/** The portal: the count, exits, and entries the interlock lets through. */
export function PortalPanel({ detail }: { detail: PermitDetailDto }) {
  const mayRecordEntry = useMayCall('entries.recordEntry')
  const refusal = usePermit((state) => state.entryRefusal)
  const entryProblem = usePermit((state) => state.entryProblem)
  const notice = usePermit((state) => state.portalNotice)
  return (
    <Section title="Entry and exit">
      {notice ? (
        <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'} sx={{ mb: 2 }}>
          {notice.message}
        </Alert>
      ) : null}
      <InsideList inside={detail.card.inside} />
      {mayRecordEntry && !isTerminal(detail.card.state) ? (
        <>
          {refusal ? (
            <UnmetConditionsAlert title={`Entry refused for ${refusal.personName}`} unmet={refusal.unmet} />
          ) : null}
          <ProblemAlert message={messageOutside(entryProblem, ['person'])} />
          <LogEntryForm detail={detail} />
        </>
      ) : null}
    </Section>
  )
}
