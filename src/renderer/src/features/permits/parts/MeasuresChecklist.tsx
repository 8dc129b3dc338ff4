import CloseIcon from '@mui/icons-material/Close'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { issueAt } from '../../../errors/problem'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { MeasureRow } from '../permit-draft'
import { usePermitForm } from '../use-permit-form'

/** (f)(8): isolation and control measures (lockout/tagout, purging, ventilating...), each ticked when done. */
export function MeasuresChecklist() {
  const measures = usePermitForm((state) => state.draft.isolationMeasures)
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  const change = (index: number, patch: Partial<MeasureRow>) =>
    update({ isolationMeasures: measures.map((row, at) => (at === index ? { ...row, ...patch } : row)) })
  const listIssue = issueAt(problem, 'isolationMeasures')
  return (
    <Stack
      role="group"
      aria-label="Isolation and control measures"
      data-field="isolationMeasures"
      data-label="Isolation and control measures"
    >
      {measures.map((row, index) => {
        const number = String(index + 1)
        return (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <FormControlLabel
              label="Done"
              control={
                <Checkbox
                  checked={row.done}
                  onChange={(event) => change(index, { done: event.target.checked })}
                  slotProps={{ input: { 'aria-label': `Measure ${number} done` } }}
                />
              }
            />
            <IssueTextField
              field={`isolationMeasures.${String(index)}.measure`}
              label={`Measure ${number}`}
              value={row.measure}
              onChange={(measure) => change(index, { measure })}
              problem={problem}
            />
            <IconButton
              aria-label={`Remove measure ${number}`}
              onClick={() => update({ isolationMeasures: measures.filter((_row, at) => at !== index) })}
            >
              <CloseIcon />
            </IconButton>
          </Stack>
        )
      })}
      {listIssue ? <Typography sx={{ color: 'error.main' }}>{listIssue}</Typography> : null}
      <Button
        variant="outlined"
        sx={{ alignSelf: 'flex-start', mt: 1 }}
        onClick={() => update({ isolationMeasures: [...measures, { measure: '', done: false }] })}
      >
        Add measure
      </Button>
    </Stack>
  )
}
