import Alert from '@mui/material/Alert'

/** The failure a person must read, or nothing. */
export function ProblemAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null
  return (
    <Alert severity="error" sx={{ mb: 2 }}>
      {message}
    </Alert>
  )
}
