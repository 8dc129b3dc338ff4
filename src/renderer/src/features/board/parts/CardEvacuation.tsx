import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'

/** A running evacuation and its roll call: who still has to come out. */
export function CardEvacuation({ evacuation }: { evacuation: PermitCardDto['evacuation'] }) {
  if (!evacuation) return null
  const { stillInside } = evacuation
  return (
    <Alert severity="error" variant="filled" role="alert" aria-label="Evacuation">
      <AlertTitle sx={{ fontSize: '1.25rem', fontWeight: 800 }}>
        EVACUATION ordered {formatShortTime(evacuation.orderedAt)}
      </AlertTitle>
      <p style={{ margin: 0 }}>{evacuation.reason}</p>
      <p style={{ margin: 0, fontWeight: 700 }}>
        {stillInside.length === 0
          ? 'Everyone is out.'
          : `Still to come out (${String(stillInside.length)}): ${stillInside.join(', ')}`}
      </p>
    </Alert>
  )
}
