import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import { useId } from 'react'
import { gases, gasInfo } from '../../../../../shared/domain/gases'
import type { Gas } from '../../../../../shared/domain/gases'
import { issueAt } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'

/** The sensors fitted: the server refuses a reading of any other gas from this monitor. */
export function SensorsField({
  value,
  onChange,
  problem,
}: {
  value: readonly Gas[]
  onChange(value: Gas[]): void
  problem: Problem | null
}) {
  const labelId = useId()
  const issue = issueAt(problem, 'sensors')
  const toggle = (gas: Gas, on: boolean) =>
    onChange(gases.filter((candidate) => (candidate === gas ? on : value.includes(candidate))))
  return (
    <FormControl component="fieldset" margin="normal" error={issue !== undefined} fullWidth data-field="sensors">
      <FormLabel component="legend" id={labelId}>
        Sensors
      </FormLabel>
      <FormGroup row aria-labelledby={labelId}>
        {gases.map((gas) => (
          <FormControlLabel
            key={gas}
            label={gasInfo[gas].symbol}
            control={<Checkbox checked={value.includes(gas)} onChange={(event) => toggle(gas, event.target.checked)} />}
          />
        ))}
      </FormGroup>
      {issue ? <FormHelperText>{issue}</FormHelperText> : null}
    </FormControl>
  )
}
