import Box from '@mui/material/Box'
import InputAdornment from '@mui/material/InputAdornment'
import type { Problem } from '../../../errors/problem'
import { IssueTextField } from '../../../ui/IssueTextField'
import { gasFieldLabel } from '../gas-entry'
import type { GasCheck } from '../gas-entry'

const verdicts = { pass: { word: 'PASS', colour: 'success.main' }, fail: { word: 'FAIL', colour: 'error.main' } }

/** One gas of a test, judged against the permit's conditions while it is typed. */
export function GasField({
  check,
  value,
  onChange,
  problem,
  autoFocus,
}: {
  check: GasCheck
  value: string
  onChange(value: string): void
  problem: Problem | null
  autoFocus?: boolean
}) {
  const verdict = check.state === 'pass' || check.state === 'fail' ? verdicts[check.state] : null
  const alarming = check.state === 'fail' || check.state === 'invalid'
  return (
    <IssueTextField
      field={`values.${check.gas}`}
      label={gasFieldLabel(check.gas)}
      value={value}
      onChange={onChange}
      problem={problem}
      autoFocus={autoFocus}
      autoComplete="off"
      warning={alarming ? check.text : undefined}
      hint={
        check.state === 'pass' ? (
          <Box component="span" sx={{ color: 'success.main' }}>
            {check.text}
          </Box>
        ) : (
          check.text
        )
      }
      endAdornment={
        verdict ? (
          <InputAdornment position="end">
            <Box component="span" aria-hidden sx={{ color: verdict.colour, fontWeight: 800 }}>
              {verdict.word}
            </Box>
          </InputAdornment>
        ) : undefined
      }
    />
  )
}
