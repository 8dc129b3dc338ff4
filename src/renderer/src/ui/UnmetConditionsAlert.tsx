import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { UnmetCondition } from '../../../shared/contract/errors'

/**
 * A refusal as the server sent it: what was refused, then every condition that was not met on
 * its own line (the server checks them all, so the whole story is told at once).
 */
export function UnmetConditionsAlert({ title, unmet }: { title: string; unmet: readonly UnmetCondition[] }) {
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      <AlertTitle sx={{ fontWeight: 700 }}>{title}</AlertTitle>
      <Box component="ul" aria-label="Unmet conditions" sx={{ m: 0, pl: 3 }}>
        {unmet.map((condition) => (
          <li key={`${condition.code}:${condition.message}`}>{condition.message}</li>
        ))}
      </Box>
    </Alert>
  )
}
