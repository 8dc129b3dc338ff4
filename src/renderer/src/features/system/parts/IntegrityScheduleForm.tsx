import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { fieldProblem, messageOutside } from '../../../errors/problem'
import { IssueTextField } from '../../../ui/IssueTextField'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useIntegrityChecks } from '../use-integrity-checks'

const fields = ['everyHours']

/** How often the scheduled full check runs; the parent remounts it when the schedule changes. */
export function IntegrityScheduleForm({ everyHours }: { everyHours: number }) {
  const saving = useIntegrityChecks((state) => state.savingSchedule)
  const problem = useIntegrityChecks((state) => state.scheduleProblem)
  const saved = useIntegrityChecks((state) => state.scheduleSaved)
  const saveSchedule = useIntegrityChecks((state) => state.saveSchedule)
  const refuseSchedule = useIntegrityChecks((state) => state.refuseSchedule)
  const [hours, setHours] = useState(String(everyHours))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!/^\d+$/.test(hours.trim())) refuseSchedule(fieldProblem('everyHours', 'must be a whole number of hours'))
    else void saveSchedule({ everyHours: Number(hours) })
  }

  return (
    <Stack
      component="form"
      noValidate
      aria-label="Integrity check schedule"
      onSubmit={submit}
      spacing={1}
      sx={{ mt: 2 }}
    >
      <ProblemAlert message={messageOutside(problem, fields)} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <IssueTextField
          field="everyHours"
          label="Full check every (hours)"
          value={hours}
          onChange={setHours}
          problem={problem}
          hint="A scheduled full check runs when the last full check is this old."
        />
        <Button type="submit" variant="outlined" disabled={saving} sx={{ mt: 1 }}>
          Save check schedule
        </Button>
      </Stack>
      {saved ? (
        <Alert severity="success" role="status">
          Check schedule saved.
        </Alert>
      ) : null}
    </Stack>
  )
}
