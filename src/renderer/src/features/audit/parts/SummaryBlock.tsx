import Box from '@mui/material/Box'
import { prettySummary } from '../entry-summaries'

/** A recorded before or after summary, indented for reading; long lines scroll rather than spill. */
export function SummaryBlock({ json, label }: { json: string | null; label: string }) {
  return (
    <Box
      component="pre"
      aria-label={label}
      tabIndex={0}
      sx={{
        m: 0,
        p: 1.5,
        maxHeight: 320,
        overflow: 'auto',
        borderRadius: 1,
        bgcolor: 'action.hover',
        fontSize: '0.875rem',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {prettySummary(json)}
    </Box>
  )
}
