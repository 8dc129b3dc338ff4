import Alert from '@mui/material/Alert'
import Stack from '@mui/material/Stack'

/** Conditions that need someone now, worded by the server for the control room. */
export function PermitAlarms({ alarms }: { alarms: readonly string[] }) {
  if (alarms.length === 0) return null
  return (
    <Stack spacing={1} aria-label="Alarms" role="group">
      {alarms.map((alarm) => (
        <Alert key={alarm} severity="error" variant="filled" sx={{ fontSize: '1.125rem', fontWeight: 700 }}>
          {alarm}
        </Alert>
      ))}
    </Stack>
  )
}
