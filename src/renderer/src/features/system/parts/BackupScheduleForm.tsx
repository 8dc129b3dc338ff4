import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { precheck } from '../../../errors/contract-check'
import { IssueSummary } from '../../../ui/IssueSummary'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useIssueSummary } from '../../../ui/use-issue-summary'
import { useSystem } from '../use-system'

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text) : null)

/** How often the schedule backs up and how many of its backups stay on disk; the parent remounts it when the schedule changes. */
export function BackupScheduleForm({ everyHours, keepScheduled }: { everyHours: number; keepScheduled: number }) {
  const saving = useSystem((state) => state.savingSchedule)
  const problem = useSystem((state) => state.scheduleProblem)
  const saved = useSystem((state) => state.scheduleSaved)
  const saveSchedule = useSystem((state) => state.saveSchedule)
  const refuseSchedule = useSystem((state) => state.refuseSchedule)
  const { formRef, summary } = useIssueSummary(problem)
  const [hours, setHours] = useState(String(everyHours))
  const [keep, setKeep] = useState(String(keepScheduled))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const schedule = { everyHours: wholeNumber(hours), keepScheduled: wholeNumber(keep) }
    const found = precheck(
      'system.setBackupSchedule',
      { everyHours: schedule.everyHours ?? 0, keepScheduled: schedule.keepScheduled ?? 0 },
      [
        ...(schedule.everyHours === null ? [{ path: 'everyHours', message: 'must be a whole number of hours' }] : []),
        ...(schedule.keepScheduled === null
          ? [{ path: 'keepScheduled', message: 'must be a whole number of backups' }]
          : []),
      ],
    )
    if (found) refuseSchedule(found)
    else if (schedule.everyHours === null || schedule.keepScheduled === null) return
    else void saveSchedule({ everyHours: schedule.everyHours, keepScheduled: schedule.keepScheduled })
  }

  return (
    <Stack
      component="form"
      ref={formRef}
      noValidate
      aria-label="Backup schedule"
      onSubmit={submit}
      spacing={1}
      sx={{ mt: 3 }}
    >
      <Typography variant="h3" component="h3">
        Schedule
      </Typography>
      <Typography sx={{ color: 'text.secondary' }}>
        For the whole installation: a backup holds every site’s records in one file.
      </Typography>
      <IssueSummary summary={summary} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <IssueTextField
          field="everyHours"
          label="Back up every (hours)"
          value={hours}
          onChange={setHours}
          problem={problem}
          hint="A scheduled backup is taken when the last one is this old."
        />
        <IssueTextField
          field="keepScheduled"
          label="Scheduled backups kept"
          value={keep}
          onChange={setKeep}
          problem={problem}
          hint="Older scheduled backups are removed after the next one; manual backups are always kept."
        />
        <Button type="submit" variant="outlined" disabled={saving} sx={{ mt: 1 }}>
          Save schedule
        </Button>
      </Stack>
      {saved ? (
        <Alert severity="success" role="status">
          Schedule saved.
        </Alert>
      ) : null}
    </Stack>
  )
}
