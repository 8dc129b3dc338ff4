import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { EntryRefusal } from '../entry-refusal'

/** The server's refusal, every unmet condition on its own line, so nothing has to be guessed. */
export function EntryRefusalAlert({ refusal }: { refusal: EntryRefusal }) {
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      <AlertTitle sx={{ fontWeight: 700 }}>{refusal.summary}</AlertTitle>
      {refusal.conditions.length > 0 ? (
        <Box component="ul" aria-label="Unmet conditions" sx={{ m: 0, pl: 3 }}>
          {refusal.conditions.map((condition) => (
            <li key={condition}>{condition}</li>
          ))}
        </Box>
      ) : null}
    </Alert>
  )
}
