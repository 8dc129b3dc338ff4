import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useDatalogImport } from '../use-datalog-import'

const count = new Intl.NumberFormat()

/** How far the import is: the file's rows checked, then the readings stored. */
export function ImportProgress() {
  const phase = useDatalogImport((state) => state.phase)
  const progress = useDatalogImport((state) => state.progress)
  const checked = useDatalogImport((state) => state.checked)
  const refused = useDatalogImport((state) => state.refused)
  if (phase !== 'checking' && phase !== 'committing') return null
  const words =
    phase === 'checking'
      ? `Checking: ${count.format(checked)} rows checked${refused > 0 ? `, ${count.format(refused)} with problems` : ''}`
      : `Storing: ${String(Math.round(progress * 100))} % of ${count.format(checked)} readings`
  return (
    <Box sx={{ my: 2 }}>
      <LinearProgress
        variant="determinate"
        value={Math.round(progress * 100)}
        aria-label={phase === 'checking' ? 'Checking the file' : 'Storing the readings'}
        aria-valuetext={words}
      />
      <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
        {words}
      </Typography>
    </Box>
  )
}
