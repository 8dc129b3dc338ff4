import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'

/**
 * Latched: the alarm suspended its permit and stays until a supervisor resolves it. First out:
 * the alarm that started its permit's cascade, where an investigation begins.
 */
export function AlarmMarkers({ latched, firstOut = false }: { latched: boolean; firstOut?: boolean }) {
  return (
    <>
      {latched ? (
        <Tooltip title="It suspended the permit: it stays until a supervisor resolves it, even after the gas recovers.">
          <Chip
            size="small"
            variant="outlined"
            label="Latched"
            sx={{ color: 'inherit', borderColor: 'currentColor' }}
          />
        </Tooltip>
      ) : null}
      {firstOut ? (
        <Tooltip title="The first alarm of this permit’s cascade.">
          <Chip
            size="small"
            variant="outlined"
            label="First out"
            sx={{ color: 'inherit', borderColor: 'currentColor' }}
          />
        </Tooltip>
      ) : null}
    </>
  )
}
