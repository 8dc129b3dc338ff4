import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { ReviewDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'
import type { Severity } from '../../../ui/SeverityChip'

const actionLabels: Record<ReviewDto['decisions'][number]['action'], { label: string; severity: Severity }> = {
  keep: { label: 'Kept', severity: 'ok' },
  shorten: { label: 'Shortened', severity: 'medium' },
  revoke: { label: 'Revoked', severity: 'high' },
}

/** What the review decided, grant by grant, and who decided it: the record an auditor reads. */
export function ReviewDecisions({ review }: { review: ReviewDto }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Decided in this review">
        <TableHead>
          <TableRow>
            <TableCell>Holder</TableCell>
            <TableCell>Decision</TableCell>
            <TableCell>Note</TableCell>
            <TableCell>Decided</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {review.decisions.map((decision) => (
            <TableRow key={`${String(decision.grantId)}-${String(decision.at)}`}>
              <TableCell>
                {decision.holder} (grant #{decision.grantId})
              </TableCell>
              <TableCell>
                <SeverityChip
                  severity={actionLabels[decision.action].severity}
                  label={
                    decision.action === 'shorten' && decision.validTo !== null
                      ? `Shortened to ${formatShortTime(decision.validTo)}`
                      : actionLabels[decision.action].label
                  }
                />
              </TableCell>
              <TableCell>{decision.note || '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatShortTime(decision.at)} by {decision.decidedBy}
              </TableCell>
            </TableRow>
          ))}
          {review.decisions.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4}>Nothing decided yet.</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
