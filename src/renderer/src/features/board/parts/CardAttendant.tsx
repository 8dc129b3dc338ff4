import Alert from '@mui/material/Alert'
import Typography from '@mui/material/Typography'
import type { PermitState } from '../../../../../shared/domain/permit-lifecycle'

// A missing attendant is only alarming where entry is possible or someone is inside (1910.146(i)).
const entryStates: readonly PermitState[] = ['authorized', 'active', 'suspended', 'expired']

export function CardAttendant({
  attendant,
  state,
  headcount,
}: {
  attendant: string | null
  state: PermitState
  headcount: number
}) {
  if (attendant !== null)
    return (
      <Typography sx={{ fontSize: '1.125rem' }}>
        Attendant on duty: <strong>{attendant}</strong>
      </Typography>
    )
  if (headcount > 0 || entryStates.includes(state))
    return (
      <Alert severity="warning" sx={{ py: 0 }}>
        No attendant on duty
      </Alert>
    )
  return <Typography sx={{ color: 'text.secondary' }}>No attendant on duty</Typography>
}
