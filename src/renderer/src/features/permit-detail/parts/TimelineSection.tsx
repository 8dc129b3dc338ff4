import { timelineLabel } from '../timeline-labels'
import Link from '@mui/material/Link'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { permitStateLabels } from '../../../../../shared/domain/permit-lifecycle'
import { formatTime } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { auditTrailHref } from '../../audit/audit-filter'
import { useMayCall } from '../../session/use-access'

/** Every step of the permit's life: who, when, and why. */
export function TimelineSection({ detail }: { detail: PermitDetailDto }) {
  const mayReadAudit = useMayCall('audit.list')
  return (
    <Section
      title="Timeline"
      actions={
        // Every recorded change of the permit, with what it was before and after, for those who audit.
        mayReadAudit ? <Link href={auditTrailHref('permit', detail.card.id)}>Audit trail of this permit</Link> : null
      }
    >
      <Table size="small" aria-label="Timeline">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Who</TableCell>
            <TableCell>What</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.timeline.map((step, index) => (
            <TableRow key={`${String(step.at)}-${String(index)}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(step.at)}</TableCell>
              <TableCell>{step.actorName}</TableCell>
              <TableCell>{timelineLabel(step.kind)}</TableCell>
              <TableCell>
                {step.toState
                  ? `${step.fromState ? `${permitStateLabels[step.fromState]} → ` : ''}${permitStateLabels[step.toState]}`
                  : ''}
              </TableCell>
              <TableCell>{step.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  )
}
