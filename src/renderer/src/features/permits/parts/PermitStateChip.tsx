import Chip from '@mui/material/Chip'
import type { ChipProps } from '@mui/material/Chip'
import { permitStateLabels } from '../../../../../shared/domain/permit-lifecycle'
import type { PermitState } from '../../../../../shared/domain/permit-lifecycle'

const stateColours: Record<PermitState, ChipProps['color']> = {
  draft: 'default',
  pending_authorization: 'info',
  authorized: 'secondary',
  active: 'success',
  suspended: 'warning',
  expired: 'error',
  closed: 'default',
  cancelled: 'default',
}

/** The permit's state in words and colour; the words carry it, the colour only repeats it. */
export function PermitStateChip({ state, large }: { state: PermitState; large?: boolean }) {
  return (
    <Chip
      label={permitStateLabels[state]}
      color={stateColours[state]}
      variant={state === 'closed' || state === 'cancelled' ? 'outlined' : 'filled'}
      sx={large ? { fontSize: '1.125rem', height: 40, fontWeight: 700 } : { fontWeight: 700 }}
    />
  )
}
