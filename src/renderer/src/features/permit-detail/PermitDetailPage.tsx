import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import { useEffect } from 'react'
import { isTerminal } from '../../../../shared/domain/permit-lifecycle'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { Section } from '../../ui/Section'
import { PermitGasAlarms } from '../alarms/parts/PermitGasAlarms'
import { PermitAlarms } from '../permits/parts/PermitAlarms'
import { closeOutOf } from '../permits/close-out'
import { CloseOutRecord } from '../permits/parts/CloseOutRecord'
import { PermitRecord } from '../permits/parts/PermitRecord'
import { AttendantsSection } from './parts/AttendantsSection'
import { AuthorizationSection } from './parts/AuthorizationSection'
import { EntriesTable } from './parts/EntriesTable'
import { EntrantsSection } from './parts/EntrantsSection'
import { LiveGasSection } from './parts/LiveGasSection'
import { PermitActions } from './parts/PermitActions'
import { PermitDialogs } from './parts/PermitDialogs'
import { PermitHeader } from './parts/PermitHeader'
import { PermitTrendSection } from './parts/PermitTrendSection'
import { PortalPanel } from './parts/PortalPanel'
import { RollCall } from './parts/RollCall'
import { TestsSection } from './parts/TestsSection'
import { TimelineSection } from './parts/TimelineSection'
import { useMayCall } from '../session/use-access'
import { usePermit } from './use-permit'

export function PermitDetailPage({ permitId }: { permitId: number }) {
  const open = usePermit((state) => state.open)
  const detail = usePermit((state) => state.detail)
  const problem = usePermit((state) => state.problem)
  const mayTrend = useMayCall('trends.query')
  useEffect(() => open(permitId), [open, permitId])

  if (!detail || detail.card.id !== permitId)
    return (
      <>
        <PageHeader title="Permit" />
        <ProblemAlert message={problem} />
        {problem ? null : <LinearProgress aria-label="Loading the permit" />}
      </>
    )

  // A closed or cancelled permit is shown as its final record. The portal stays only while the
  // records still put someone inside, so their Exit is never out of reach.
  const portalOpen = !isTerminal(detail.card.state) || detail.card.inside.length > 0
  return (
    <>
      <PermitHeader detail={detail} />
      <ProblemAlert message={problem ? `${problem} What is shown may be out of date.` : null} />
      <PermitActions detail={detail} />
      <Box sx={{ mb: 2 }}>
        <PermitAlarms alarms={detail.card.alarms} />
      </Box>
      <PermitGasAlarms alarms={detail.card.gasAlarms} />
      <RollCall detail={detail} />
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
          alignItems: 'start',
        }}
      >
        <div>
          {portalOpen ? <PortalPanel detail={detail} /> : null}
          <EntrantsSection detail={detail} />
        </div>
        <div>
          <AttendantsSection detail={detail} />
          <Section title="Entries and exits">
            <EntriesTable detail={detail} />
          </Section>
        </div>
      </Box>
      <LiveGasSection detail={detail} />
      {mayTrend ? <PermitTrendSection detail={detail} /> : null}
      <TestsSection detail={detail} />
      <AuthorizationSection detail={detail} />
      <Section title="Permit record">
        <PermitRecord detail={detail} tests={`${String(detail.tests.length)} recorded; see Atmospheric tests.`} />
      </Section>
      {closeOutOf(detail) ? (
        <Section title="Close-out record">
          <CloseOutRecord detail={detail} />
        </Section>
      ) : null}
      <TimelineSection detail={detail} />
      <PermitDialogs detail={detail} />
    </>
  )
}
