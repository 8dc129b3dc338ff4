import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { longestTrendMs, shortestTrendMs } from '../../../../../shared/contract/trends'
import { fromLocalInput, toLocalInput } from '../../../format/local-datetime'
import { workstationZone } from '../../../format/time'

/** The server's own rule for a trend's span, checked as the range is typed. */
function rangeIssues(fromText: string, toText: string): { from?: string; to?: string } {
  const from = fromLocalInput(fromText)
  const to = fromLocalInput(toText)
  const issues: { from?: string; to?: string } = {}
  if (from === null) issues.from = 'must be a date and time'
  if (to === null) issues.to = 'must be a date and time'
  if (from !== null && to !== null) {
    if (to - from < shortestTrendMs) issues.to = 'must be at least a minute after From'
    else if (to - from > longestTrendMs) issues.to = 'must be at most 366 days after From'
  }
  return issues
}

/** Any window from a minute to 366 days, typed in this workstation's zone. */
export function CustomRangeForm({
  from,
  to,
  onShow,
}: {
  from: number
  to: number
  onShow(from: number, to: number): void
}) {
  const [fromText, setFromText] = useState(() => toLocalInput(from))
  const [toText, setToText] = useState(() => toLocalInput(to))
  const [tried, setTried] = useState(false)
  const issues = tried ? rangeIssues(fromText, toText) : {}
  const hint = `in ${workstationZone()}`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    const start = fromLocalInput(fromText)
    const end = fromLocalInput(toText)
    if (Object.keys(rangeIssues(fromText, toText)).length > 0 || start === null || end === null) return
    onShow(start, end)
  }

  return (
    <Stack
      component="form"
      aria-label="Custom range"
      noValidate
      onSubmit={submit}
      direction="row"
      spacing={2}
      sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <TextField
        label="From"
        type="datetime-local"
        value={fromText}
        onChange={(event) => setFromText(event.target.value)}
        error={issues.from !== undefined}
        helperText={issues.from ?? hint}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 260 }}
        fullWidth={false}
        margin="dense"
      />
      <TextField
        label="To"
        type="datetime-local"
        value={toText}
        onChange={(event) => setToText(event.target.value)}
        error={issues.to !== undefined}
        helperText={issues.to ?? hint}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 260 }}
        fullWidth={false}
        margin="dense"
      />
      <Button type="submit" variant="outlined" sx={{ mt: 1 }}>
        Show range
      </Button>
    </Stack>
  )
}
