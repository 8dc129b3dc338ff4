import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import type { ExportFileDto } from '../../../../../shared/contract/exports'

const count = new Intl.NumberFormat()

/** "45.6 KB": a file's size as people say it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${String(bytes)} bytes`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'GB'}`
}

/** The file written: what it holds, how to check a copy of it, and where it is. */
export function ExportResult({
  result,
  desktop,
  noun = ['entry', 'entries'],
}: {
  result: ExportFileDto
  desktop: boolean
  /** What a row is, one and many. */
  noun?: readonly [string, string]
}) {
  return (
    <Alert severity="success" role="status" sx={{ mt: 2 }}>
      <AlertTitle>
        {count.format(result.rows)} {result.rows === 1 ? noun[0] : noun[1]} written, {formatBytes(result.bytes)}
      </AlertTitle>
      <div>
        SHA-256 <Box component="code">{result.sha256.slice(0, 16)}…</Box>; ends at the signed checkpoint of entry{' '}
        {result.checkpoint.seq}.
      </div>
      {desktop ? (
        <div>
          Saved to{' '}
          <Box component="code" sx={{ overflowWrap: 'anywhere' }}>
            {result.path}
          </Box>
        </div>
      ) : (
        <div>File: {result.name}</div>
      )}
    </Alert>
  )
}
