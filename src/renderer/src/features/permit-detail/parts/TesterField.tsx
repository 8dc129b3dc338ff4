import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import type { Problem } from '../../../errors/problem'
import { IssueTextField } from '../../../ui/IssueTextField'

export interface TesterChoice {
  who: 'self' | 'named'
  name: string
}

/** 1910.146(f)(10): tests name their tester; the person signed in, or someone typed by name. */
export function TesterField({
  value,
  onChange,
  myName,
  problem,
}: {
  value: TesterChoice
  onChange(value: TesterChoice): void
  myName: string
  problem: Problem | null
}) {
  return (
    <FormControl margin="normal">
      <FormLabel id="tester-label">Tester</FormLabel>
      <RadioGroup
        row
        aria-labelledby="tester-label"
        value={value.who}
        onChange={(event) => onChange({ ...value, who: event.target.value === 'named' ? 'named' : 'self' })}
      >
        <FormControlLabel value="self" control={<Radio />} label={`Me (${myName})`} />
        <FormControlLabel value="named" control={<Radio />} label="Someone else" />
      </RadioGroup>
      {value.who === 'named' ? (
        <IssueTextField
          field="tester.name"
          label="Tester name"
          value={value.name}
          onChange={(name) => onChange({ ...value, name })}
          problem={problem}
          autoComplete="off"
        />
      ) : null}
    </FormControl>
  )
}
