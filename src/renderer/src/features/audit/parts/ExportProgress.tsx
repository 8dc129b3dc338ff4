import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useAudit } from '../use-audit'

const count = new Intl.NumberFormat()

/** How far the file is written, as the server tells it, while it is; unmeasured until its first word. */
export function ExportProgress() {
  const exporting = useAudit((state) => state.exporting)
  const progress = useAudit((state) => state.exportProgress)
  // Once written, the result says it all.
  if (!exporting) return null
  const percent = progress && progress.total > 0 ? (100 * progress.written) / progress.total : progress ? 100 : 0
  return (
    <Box sx={{ mt: 2 }}>
      <LinearProgress
        variant={progress ? 'determinate' : 'indeterminate'}
        value={percent}
        aria-label="Export progress"
        aria-valuetext={
          progress ? `${count.format(progress.written)} of ${count.format(progress.total)} entries` : undefined
        }
      />
      <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
        {progress
          ? `${count.format(progress.written)} of ${count.format(progress.total)} entries written`
          : 'Starting the export…'}
      </Typography>
    </Box>
  )
}
