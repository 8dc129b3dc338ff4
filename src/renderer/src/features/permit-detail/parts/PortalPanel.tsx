import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import { useCallback, useRef } from 'react'
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
  const entrantRef = useRef<HTMLInputElement>(null)
  const focusEntrant = useCallback(() => entrantRef.current?.focus(), [])
  const quiet = notice !== null && notice.severity !== 'error'
  return (
    <Section title="Entry and exit">
      {/* Always there, so a screen reader hears each outcome as it replaces the last (a region
          that appears together with its words is often missed). A failed exit is an alert instead. */}
      <Box role="status" aria-live="polite">
        {quiet ? (
          <Alert severity={notice.severity} role="none" sx={{ mb: 2 }}>
            {notice.message}
          </Alert>
        ) : null}
      </Box>
      {notice?.severity === 'error' ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {notice.message}
        </Alert>
      ) : null}
      <InsideList inside={detail.card.inside} onEmptied={focusEntrant} />
      {mayRecordEntry && !isTerminal(detail.card.state) ? (
        <>
          {refusal ? (
            <UnmetConditionsAlert title={`Entry refused for ${refusal.personName}`} unmet={refusal.unmet} />
          ) : null}
          <ProblemAlert message={messageOutside(entryProblem, ['person'])} />
          <LogEntryForm detail={detail} entrantRef={entrantRef} />
        </>
      ) : null}
    </Section>
  )
}
