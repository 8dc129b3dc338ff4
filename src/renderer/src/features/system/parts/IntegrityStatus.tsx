import Alert from '@mui/material/Alert'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { formatTime } from '../../../format/time'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { checkExtent, checkTriggerLabels } from '../integrity-format'
import { useIntegrityChecks } from '../use-integrity-checks'

/** The last full check's result and time, one running now, and what start-up checked. */
export function IntegrityStatus() {
  const page = useIntegrityChecks((state) => state.page)
  const problem = useIntegrityChecks((state) => state.problem)
  const checkProblem = useIntegrityChecks((state) => state.checkProblem)
  if (!page) return <ProblemAlert message={problem} />
  const { lastFull, lastStartup, running, nextDueAt } = page
  const next = nextDueAt === null ? '' : ` Next scheduled check: ${formatTime(nextDueAt)}.`
  return (
    <>
      <ProblemAlert message={problem ?? checkProblem} />
      {running ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          A full integrity check is running ({checkTriggerLabels[running.trigger].toLowerCase()}, started{' '}
          {formatTime(running.startedAt)}). It reads every page in the background; the console stays usable.
          <LinearProgress aria-label="Checking the database" sx={{ mt: 1 }} />
        </Alert>
      ) : null}
      {lastFull === null ? (
        <Typography sx={{ mb: 1 }}>
          No full integrity check has run yet; the first scheduled one runs a few minutes after start-up.
        </Typography>
      ) : lastFull.result === 'ok' ? (
        <Alert severity="success" sx={{ mb: 1 }}>
          Last full integrity check passed: {formatTime(lastFull.at)} (
          {checkTriggerLabels[lastFull.trigger].toLowerCase()}, {checkExtent(lastFull)}).{next}
        </Alert>
      ) : (
        <Alert severity="error" sx={{ mb: 1 }}>
          The full integrity check of {formatTime(lastFull.at)} found a problem: {lastFull.result}. Restore the newest
          backup that passed its check (see Backups), then check again.{next}
        </Alert>
      )}
      {lastStartup ? (
        <Typography sx={{ color: 'text.secondary', mb: 1 }}>
          Start-up check of {formatTime(lastStartup.at)}: passed in {checkExtent(lastStartup)}. Start-up reads the
          file’s header, its schema and the first and last rows of every table; damage inside a table only the full
          check finds.
        </Typography>
      ) : null}
    </>
  )
}
