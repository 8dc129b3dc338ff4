import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'
import { usePermit } from '../use-permit'

/** A running evacuation: who is out, and who still has to come out. */
export function RollCall({ detail }: { detail: PermitDetailDto }) {
  const rollCall = usePermit((state) => state.rollCall)
  const evacuation = detail.card.evacuation
  if (!evacuation) return null
  const people = rollCall?.rollCall.filter((entry) => entry.permitId === detail.card.id)
  return (
    <Alert severity="error" variant="filled" role="alert" aria-label="Roll call" sx={{ mb: 3 }}>
      <AlertTitle sx={{ fontSize: '1.375rem', fontWeight: 800 }}>
        EVACUATION ordered {formatShortTime(evacuation.orderedAt)}
        {rollCall ? ` by ${rollCall.orderedBy}` : ''}
      </AlertTitle>
      <p style={{ margin: 0 }}>{evacuation.reason}</p>
      <p style={{ margin: '8px 0 0', fontWeight: 700 }}>
        {evacuation.stillInside.length === 0
          ? 'Everyone is out.'
          : `Still to come out (${String(evacuation.stillInside.length)}): ${evacuation.stillInside.join(', ')}`}
      </p>
      {people && people.length > 0 ? (
        <Box component="ul" aria-label="Roll call entries" sx={{ m: 0, mt: 1, pl: 3 }}>
          {people.map((entry) => (
            <li key={entry.personKey}>
              {entry.personName}:{' '}
              {entry.exitedAt === null ? 'STILL INSIDE' : `out at ${formatShortTime(entry.exitedAt)}`}
            </li>
          ))}
        </Box>
      ) : null}
    </Alert>
  )
}
