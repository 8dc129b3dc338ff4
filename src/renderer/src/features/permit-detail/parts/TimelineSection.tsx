import { timelineLabel } from '../timeline-labels'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { permitStateLabels } from '../../../../../shared/domain/permit-lifecycle'
import { formatTime } from '../../../format/time'
import { Section } from '../../../ui/Section'

/** Every step of the permit's life: who, when, and why. */
export function TimelineSection({ detail }: { detail: PermitDetailDto }) {
  return (
    <Section title="Timeline">
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
