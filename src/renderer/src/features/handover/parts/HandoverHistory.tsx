import Button from '@mui/material/Button'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { formatShortTime } from '../../../format/time'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { acknowledgementRefusal } from '../../../../../shared/domain/record-rules'
import { useSession } from '../../session/use-session'
import { useHandover } from '../use-handover'

/** Signed handovers, each with the audit checkpoint signed with it (the trail up to there is provably unchanged). */
export function HandoverHistory() {
  const history = useHandover((state) => state.history)
  const problem = useHandover((state) => state.historyProblem)
  const openDialog = useHandover((state) => state.openDialog)
  const user = useSession((state) => state.user)
  return (
    <Section title="Recent handovers">
      <ProblemAlert message={problem} />
      <Table size="small" aria-label="Recent handovers">
        <TableHead>
          <TableRow>
            <TableCell>Signed</TableCell>
            <TableCell>Outgoing</TableCell>
            <TableCell>People inside</TableCell>
            <TableCell>Notes</TableCell>
            <TableCell>Acknowledged</TableCell>
            <TableCell>Audit checkpoint</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((handover) => (
            <TableRow key={handover.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(handover.signedAt)}</TableCell>
              <TableCell>{handover.outgoing}</TableCell>
              <TableCell>{handover.report.peopleInside}</TableCell>
              <TableCell>{handover.notes}</TableCell>
              <TableCell>
                {handover.acknowledgedAt !== null ? (
                  `${handover.incoming ?? ''}, ${formatShortTime(handover.acknowledgedAt)}`
                ) : !user || acknowledgementRefusal({ userId: user.id, roles: user.roles }, handover) !== null ? (
                  // Offered only to whom the server would let acknowledge it: never its signer.
                  'Awaiting the incoming supervisor'
                ) : (
                  <Button
                    size="small"
                    variant="contained"
                    aria-label={`Acknowledge handover from ${handover.outgoing} signed ${formatShortTime(handover.signedAt)}`}
                    onClick={() => openDialog({ kind: 'acknowledge', handover })}
                  >
                    Acknowledge
                  </Button>
                )}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {handover.checkpoint
                  ? `entry ${String(handover.checkpoint.seq)} · ${handover.checkpoint.hash.slice(0, 12)}… · key ${handover.checkpoint.keyId}`
                  : '—'}
              </TableCell>
            </TableRow>
          ))}
          {history.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6}>No handovers signed yet.</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </Section>
  )
}
