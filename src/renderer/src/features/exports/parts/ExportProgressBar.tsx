import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'

const count = new Intl.NumberFormat()

/**
 * How far a file is written, as the server tells it while it writes; unmeasured until its first
 * word. `approximate`: the total is the server's estimate, so the words say "about".
 */
export function ExportProgressBar({
  progress,
  rows,
  approximate = false,
}: {
  progress: { written: number; total: number } | null
  /** What the rows are, plural: "entries", "rows". */
  rows: string
  approximate?: boolean
}) {
  const percent = progress && progress.total > 0 ? (100 * progress.written) / progress.total : progress ? 100 : 0
  const of = progress
    ? `${count.format(progress.written)} of ${approximate ? 'about ' : ''}${count.format(progress.total)} ${rows}`
    : ''
  return (
    <Box sx={{ mt: 2 }}>
      <LinearProgress
        variant={progress ? 'determinate' : 'indeterminate'}
        value={percent}
        aria-label="Export progress"
        aria-valuetext={progress ? of : undefined}
      />
      <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
        {progress ? `${of} written` : 'Starting the export…'}
      </Typography>
    </Box>
  )
}
