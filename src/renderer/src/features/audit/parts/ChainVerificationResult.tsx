import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useAudit } from '../use-audit'

/** The outcome of the last chain walk: an auditor needs the head hash to compare with a saved one. */
export function ChainVerificationResult() {
  const verification = useAudit((state) => state.verification)
  const problem = useAudit((state) => state.verifyProblem)
  if (problem) return <ProblemAlert message={problem} />
  if (!verification) return null
  const { intact, checked, headSeq, headHash, firstBroken } = verification
  return (
    <Alert severity={intact ? 'success' : 'error'} role="status" sx={{ mb: 2 }}>
      <AlertTitle>{intact ? 'Chain intact' : 'Chain broken'}</AlertTitle>
      {firstBroken ? (
        <p>
          First broken entry: #{firstBroken.seq} ({firstBroken.reason}).
        </p>
      ) : null}
      <p>
        {checked} {checked === 1 ? 'entry' : 'entries'} checked. Head: #{headSeq}, hash{' '}
        <Box component="code" sx={{ wordBreak: 'break-all' }}>
          {headHash}
        </Box>
      </p>
    </Alert>
  )
}
