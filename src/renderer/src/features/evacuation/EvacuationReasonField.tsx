import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import type { Problem } from '../../errors/problem'
import { IssueTextField } from '../../ui/IssueTextField'
import { quickEvacuationReasons } from './quick-reasons'

/** The reason for an evacuation: common ones at one press, or typed. */
export function EvacuationReasonField({
  reason,
  onChange,
  problem,
}: {
  reason: string
  onChange(reason: string): void
  problem: Problem | null
}) {
  return (
    <>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 2 }} aria-label="Common reasons" role="group">
        {quickEvacuationReasons.map((quick) => (
          <Chip
            key={quick}
            label={quick}
            onClick={() => onChange(quick)}
            color={quick === reason ? 'error' : 'default'}
          />
        ))}
      </Stack>
      <IssueTextField
        field="reason"
        label="Reason"
        value={reason}
        onChange={onChange}
        problem={problem}
        hint="Required: the condition that makes everyone come out."
        multiline
        autoFocus
        required
      />
    </>
  )
}
