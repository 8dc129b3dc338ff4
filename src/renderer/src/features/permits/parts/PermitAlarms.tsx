import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'

/**
 * Conditions that need someone now, worded by the server for the control room: one filled alert
 * that lists them all, worst first, rather than a stack of banners pushing the page down.
 */
export function PermitAlarms({ alarms }: { alarms: readonly string[] }) {
  if (alarms.length === 0) return null
  return (
    <Alert
      severity="error"
      variant="filled"
      role="group"
      aria-label="Alarms"
      sx={{ fontSize: '1.125rem', fontWeight: 700, '& .MuiAlert-message': { py: 0.5 } }}
    >
      {alarms.length === 1 ? (
        alarms[0]
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {alarms.map((alarm) => (
            <li key={alarm}>{alarm}</li>
          ))}
        </Box>
      )}
    </Alert>
  )
}
