import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { usePlayground } from '../use-playground'

/** The envelope exactly as the gate answered it, headed by what it means. */
export function AnswerView() {
  const answer = usePlayground((state) => state.answer)
  const running = usePlayground((state) => state.running)
  if (running) return <LinearProgress aria-label="Running" />
  if (!answer) return null
  return (
    <section aria-label="Answer">
      <Typography variant="h3" sx={{ mb: 1 }}>
        Answer
      </Typography>
      {answer.ok ? (
        <Alert severity="success">Done.</Alert>
      ) : (
        <Alert severity="error">
          {answer.error.code}: {answer.error.message}
        </Alert>
      )}
      <Box
        component="pre"
        aria-label="Envelope"
        sx={{ fontFamily: 'monospace', fontSize: '0.875rem', overflowX: 'auto', maxHeight: '50vh', mt: 1 }}
      >
        {JSON.stringify(answer, null, 2)}
      </Box>
    </section>
  )
}
