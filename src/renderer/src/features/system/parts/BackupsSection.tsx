import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { formatRelative, formatTime } from '../../../format/time'
import { useServerNow } from '../../../live/use-server-now'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { formatMegabytes } from '../backup-format'
import { useSystem } from '../use-system'
import { BackupScheduleForm } from './BackupScheduleForm'
import { BackupsTable } from './BackupsTable'

/** What "Back up now" took, and whether its check passed. */
function TakenNotice() {
  const taken = useSystem((state) => state.taken)
  if (!taken) return null
  const sentence = `Backup ${taken.file} taken (${formatMegabytes(taken.bytes)}).`
  return taken.integrity === 'ok' ? (
    <Alert severity="success" role="status" sx={{ mb: 2 }}>
      {sentence} Its integrity check passed.
    </Alert>
  ) : (
    <Alert severity="error" role="status" sx={{ mb: 2 }}>
      {sentence} Its integrity check found a problem: {taken.integrity}
    </Alert>
  )
}

/** Backups taken by hand and on schedule, with their checks, and the schedule itself. */
export function BackupsSection() {
  const problem = useSystem((state) => state.problem)
  const backupProblem = useSystem((state) => state.backupProblem)
  const backingUp = useSystem((state) => state.backingUp)
  const backUpNow = useSystem((state) => state.backUpNow)
  const backupsDir = useSystem((state) => state.backupsDir)
  const nextDueAt = useSystem((state) => state.nextDueAt)
  const lastFailure = useSystem((state) => state.lastFailure)
  const schedule = useSystem((state) => state.schedule)
  const now = useServerNow(60_000)
  return (
    <Section
      title="Backups"
      actions={
        <Button variant="contained" disabled={backingUp} onClick={() => void backUpNow()}>
          {backingUp ? 'Backing up…' : 'Back up now'}
        </Button>
      }
    >
      <ProblemAlert message={problem ?? backupProblem} />
      <TakenNotice />
      {lastFailure ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          The scheduled backup of {formatTime(lastFailure.at)} could not be written: {lastFailure.message}
        </Alert>
      ) : null}
      {backupsDir ? (
        <Typography sx={{ color: 'text.secondary', mb: 1, overflowWrap: 'anywhere' }}>
          Written to {backupsDir}, each checked after writing and signed into the audit trail.{' '}
          {nextDueAt === null
            ? 'The first scheduled backup is taken at the next check of the schedule (every 10 minutes).'
            : `Next scheduled backup: ${formatTime(nextDueAt)} (${formatRelative(nextDueAt, now)}).`}
        </Typography>
      ) : null}
      <BackupsTable />
      {schedule ? (
        <BackupScheduleForm
          key={`${String(schedule.everyHours)}-${String(schedule.keepScheduled)}`}
          everyHours={schedule.everyHours}
          keepScheduled={schedule.keepScheduled}
        />
      ) : null}
    </Section>
  )
}
