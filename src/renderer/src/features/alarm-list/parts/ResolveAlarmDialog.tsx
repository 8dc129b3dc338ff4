import Alert from '@mui/material/Alert'
import { useState } from 'react'
import { alarmResolutionLabels, alarmResolutions } from '../../../../../shared/contract/alarms'
import type { AlarmDto } from '../../../../../shared/contract/alarms'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueRadioGroup } from '../../../ui/IssueRadioGroup'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { ResolveForm } from '../alarm-list-store'
import { useAlarmList } from '../use-alarm-list'

const resolutionOptions = alarmResolutions.map((value) => ({ value, label: alarmResolutionLabels[value] }))
const helpOptions = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const

/** Closes an alarm for good with what it turned out to be and whether help was sent. */
export function ResolveAlarmDialog({ alarm }: { alarm: AlarmDto }) {
  const saving = useAlarmList((state) => state.saving)
  const problem = useAlarmList((state) => state.dialogProblem)
  const resolve = useAlarmList((state) => state.resolve)
  const close = useAlarmList((state) => state.closeResolve)
  const [form, setForm] = useState<ResolveForm>({ resolution: null, note: '', helpSent: null })
  const helpSent = form.helpSent === null ? null : form.helpSent ? 'yes' : 'no'
  return (
    <FormDialog
      title={`Resolve the alarm on ${alarm.spaceTag}`}
      submitLabel="Resolve alarm"
      saving={saving}
      onSubmit={() => void resolve(form)}
      onClose={close}
      problem={problem}
    >
      <Alert severity="info" icon={false} sx={{ mb: 1 }}>
        Permit {alarm.permitNumber}: {alarm.message}
        {alarm.latched ? ' This alarm suspended the permit.' : ''}
      </Alert>
      <IssueRadioGroup
        field="resolution"
        label="What was it?"
        value={form.resolution}
        options={resolutionOptions}
        onChange={(resolution) => setForm((current) => ({ ...current, resolution }))}
        problem={problem}
      />
      <IssueRadioGroup
        field="helpSent"
        label="Was help sent?"
        value={helpSent}
        options={helpOptions}
        onChange={(answer) => setForm((current) => ({ ...current, helpSent: answer === 'yes' }))}
        problem={problem}
      />
      <IssueTextField
        field="note"
        label="Note"
        value={form.note}
        onChange={(note) => setForm((current) => ({ ...current, note }))}
        problem={problem}
        multiline
        hint="What happened and what was done, for the record."
      />
    </FormDialog>
  )
}
