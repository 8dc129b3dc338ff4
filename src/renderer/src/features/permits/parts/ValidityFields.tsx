import Stack from '@mui/material/Stack'
import { maxPermitDurationMs } from '../../../../../shared/contract/permits'
import { formatDuration } from '../../../../../shared/domain/atmosphere'
import { fromLocalInput } from '../../../format/local-datetime'
import { IssueTextField } from '../../../ui/IssueTextField'
import { usePermitForm } from '../use-permit-form'

/** (f)(3): date and authorized duration, typed in this workstation's time zone. */
export function ValidityFields() {
  const validFrom = usePermitForm((state) => state.draft.validFrom)
  const validTo = usePermitForm((state) => state.draft.validTo)
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  const from = fromLocalInput(validFrom)
  const to = fromLocalInput(validTo)
  const duration = from !== null && to !== null && to > from ? `Duration ${formatDuration(to - from)}.` : undefined
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <IssueTextField
        field="validFrom"
        label="Valid from"
        type="datetime-local"
        value={validFrom}
        onChange={(value) => update({ validFrom: value })}
        problem={problem}
        required
        hint="Local time of this workstation."
      />
      <IssueTextField
        field="validTo"
        label="Valid to"
        type="datetime-local"
        value={validTo}
        onChange={(value) => update({ validTo: value })}
        problem={problem}
        required
        hint={`${duration ?? ''} No longer than the task, at most ${formatDuration(maxPermitDurationMs)}.`.trim()}
      />
    </Stack>
  )
}
