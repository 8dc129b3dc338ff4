import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { AttendantDto, PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { formatShortTime } from '../../../format/time'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { attendantStatusLabel, watchesNow } from '../../permits/attendant-status'
import { dutyChangeRefusal } from '../../../../../shared/domain/record-rules'
import { useMayCall } from '../../session/use-access'
import { useSession } from '../../session/use-session'
import { usePermit } from '../use-permit'

function StatusButtons({ attendant }: { attendant: AttendantDto }) {
  const setStatus = usePermit((state) => state.setAttendantStatus)
  const user = useSession((state) => state.user)
  // The same rule the server applies: an attendant changes only their own duty, a supervisor anyone's.
  if (!user || dutyChangeRefusal({ userId: user.id, roles: user.roles }, attendant) !== null) return null
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      {attendant.status !== 'on_duty' ? (
        <Button
          size="small"
          variant="outlined"
          aria-label={`On duty: ${attendant.fullName}`}
          onClick={() => void setStatus(attendant.id, 'on_duty')}
        >
          On duty
        </Button>
      ) : null}
      {attendant.status !== 'relieved' ? (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Relieved: ${attendant.fullName}`}
          onClick={() => void setStatus(attendant.id, 'relieved')}
        >
          Relieved
        </Button>
      ) : null}
    </Stack>
  )
}

/** 1910.146(f)(5): the attendants serving this permit, by shift. */
export function AttendantsSection({ detail }: { detail: PermitDetailDto }) {
  const mayAssign = useMayCall('attendants.assign')
  const maySetStatus = useMayCall('attendants.setStatus')
  const openDialog = usePermit((state) => state.openDialog)
  const problem = usePermit((state) => state.attendantProblem)
  const live = !isTerminal(detail.card.state)
  return (
    <Section
      title="Attendants"
      actions={
        mayAssign && live ? (
          <Button variant="outlined" onClick={() => openDialog({ kind: 'assignAttendant' })}>
            Assign attendant
          </Button>
        ) : undefined
      }
    >
      <ProblemAlert message={problem} />
      {/* Four columns, so it fits the half-width card beside the portal on a laptop: the role is the
          section's own title, and the shift is its name over its times. */}
      <TableContainer>
        <Table size="small" aria-label="Attendant roster">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Shift</TableCell>
              <TableCell>Status</TableCell>
              {maySetStatus && live ? <TableCell align="right">Actions</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.attendants.map((attendant) => (
              <TableRow key={attendant.id}>
                <TableCell>{attendant.fullName}</TableCell>
                <TableCell>
                  {attendant.shiftName}
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    {formatShortTime(attendant.shiftStart)} to {formatShortTime(attendant.shiftEnd)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={attendantStatusLabel(attendant.status, detail.card.state)}
                    color={watchesNow(attendant.status, detail.card.state) ? 'success' : 'default'}
                  />
                </TableCell>
                {maySetStatus && live ? (
                  <TableCell>
                    <StatusButtons attendant={attendant} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {detail.attendants.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4}>
                  {live ? 'No attendant assigned. Nobody may enter without one on duty.' : 'No attendant was assigned.'}
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
    </Section>
  )
}
