import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { AuditVerification } from '../../../../../shared/contract/audit'
import { formatTime } from '../../../format/time'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useAudit } from '../use-audit'

const plural = (count: number, one: string, many: string) => `${String(count)} ${count === 1 ? one : many}`

/** What the checkpoints said: the newest that holds, or every one that does not. */
function CheckpointFindings({
  checkpoints,
  file,
}: {
  checkpoints: AuditVerification['checkpoints']
  file: string | null
}) {
  const { checked, latest, problems } = checkpoints
  const against = file ? ` (among them the file ${file})` : ''
  if (checked === 0) return <p>No checkpoint to hold it against yet.</p>
  if (problems.length > 0)
    return (
      <>
        <p>
          {plural(problems.length, 'checkpoint does', 'checkpoints do')} not hold, of {checked} checked{against}:
        </p>
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {problems.map((problem) => (
            <li key={`${String(problem.seq)}-${String(problem.at)}`}>
              Checkpoint of {formatTime(problem.at)} naming entry {problem.seq}: {problem.reason}
            </li>
          ))}
        </Box>
      </>
    )
  return (
    <p>
      Held against {plural(checked, 'checkpoint', 'checkpoints')}
      {against}
      {latest ? `; the newest, of ${formatTime(latest.at)}, names entry ${String(latest.seq)}` : ''}.
    </p>
  )
}

/** The outcome of the last chain walk: an auditor needs the head hash to compare with a saved one. */
export function ChainVerificationResult() {
  const verification = useAudit((state) => state.verification)
  const file = useAudit((state) => state.verifiedFile)
  const problem = useAudit((state) => state.verifyProblem)
  if (problem) return <ProblemAlert message={problem} />
  if (!verification) return null
  const { intact, checked, headSeq, headHash, firstBroken, checkpoints } = verification
  const holds = intact && checkpoints.problems.length === 0
  return (
    <Alert severity={holds ? 'success' : 'error'} role="status" sx={{ mb: 2 }}>
      <AlertTitle>
        {intact ? (holds ? 'Chain intact' : 'Chain intact, but a checkpoint does not hold') : 'Chain broken'}
      </AlertTitle>
      {firstBroken ? (
        <p>
          First broken entry: #{firstBroken.seq} ({firstBroken.reason}).
        </p>
      ) : null}
      <p>
        {plural(checked, 'entry', 'entries')} checked. Head: #{headSeq}, hash{' '}
        <Box component="code" sx={{ wordBreak: 'break-all' }}>
          {headHash}
        </Box>
      </p>
      <CheckpointFindings checkpoints={checkpoints} file={file} />
    </Alert>
  )
}
