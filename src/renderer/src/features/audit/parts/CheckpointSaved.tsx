import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useAudit } from '../use-audit'

/** What a saved checkpoint is for: proof, kept elsewhere, that the trail up to it is not changed later. */
export function CheckpointSaved() {
  const saved = useAudit((state) => state.savedCheckpoint)
  const problem = useAudit((state) => state.checkpointProblem)
  const dismiss = useAudit((state) => state.dismissCheckpoint)
  if (problem) return <ProblemAlert message={problem} />
  if (!saved) return null
  return (
    <Alert severity="info" role="status" onClose={dismiss} sx={{ mb: 2 }}>
      <AlertTitle>
        Checkpoint of entry {saved.seq} saved as {saved.fileName}
      </AlertTitle>
      It is signed by this installation and names the newest entry and its hash. Keep it outside Gatehouse; verify
      against it later with <strong>Verify against a checkpoint file…</strong> or with{' '}
      <Box component="code">npm run audit:verify -- --checkpoint FILE</Box>. If anything up to that entry is changed or
      cut off, the check fails.
    </Alert>
  )
}
