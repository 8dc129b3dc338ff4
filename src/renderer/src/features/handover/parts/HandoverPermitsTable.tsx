import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { HandoverReportDto } from '../../../../../shared/contract/handover'
import { formatShortTime } from '../../../format/time'
import { AtmosphereBadge } from '../../permits/parts/AtmosphereBadge'
import { PermitStateChip } from '../../permits/parts/PermitStateChip'
import { PermitLink } from '../../permits/parts/PermitLink'

/** The permits handed over, as the board shows them. */
export function HandoverPermitsTable({ report }: { report: HandoverReportDto }) {
  return (
    <Table size="small" aria-label="Active permits">
      <TableHead>
        <TableRow>
          <TableCell>Permit</TableCell>
          <TableCell>Space</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Inside</TableCell>
          <TableCell>Attendant on duty</TableCell>
          <TableCell>Atmosphere</TableCell>
          <TableCell>Valid to</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.activePermits.map((card) => (
          <TableRow key={card.id}>
            <TableCell>
              <PermitLink permitId={card.id} number={card.number} />
            </TableCell>
            <TableCell>
              {card.spaceTag} — {card.spaceName}
            </TableCell>
            <TableCell>
              <PermitStateChip state={card.state} />
            </TableCell>
            <TableCell>
              {card.inside.length}
              {card.inside.length > 0 ? `: ${card.inside.map((person) => person.name).join(', ')}` : ''}
            </TableCell>
            <TableCell>{card.attendantOnDuty ?? 'No attendant on duty'}</TableCell>
            <TableCell>
              <AtmosphereBadge atmosphere={card.atmosphere} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(card.validTo)}</TableCell>
          </TableRow>
        ))}
        {report.activePermits.length === 0 ? (
          <TableRow>
            <TableCell colSpan={7}>No active permits.</TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  )
}
