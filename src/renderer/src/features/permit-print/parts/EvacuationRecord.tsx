import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatTime } from '../../../format/time'
import { timelineLabel } from '../../permit-detail/timeline-labels'

type TimelineStep = PermitDetailDto['timeline'][number]

/** Evacuations, roll calls and corrected exits, oldest first, as the timeline recorded them. */
export function EvacuationRecord({ steps }: { steps: readonly TimelineStep[] }) {
  return (
    <Table size="small" aria-label="Evacuations and corrections">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>What</TableCell>
          <TableCell>Note</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.map((step, index) => (
          <TableRow key={`${String(step.at)}-${String(index)}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(step.at)}</TableCell>
            <TableCell>{step.actorName}</TableCell>
            <TableCell>{timelineLabel(step.kind)}</TableCell>
            <TableCell>{step.note}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
