import { listIssueText } from '../../../errors/list-issues'
import { ChipListField } from '../../../ui/ChipListField'
import type { PermitDraft } from '../permit-draft'
import { usePermitForm } from '../use-permit-form'

type ListKey = 'hazards' | 'equipment' | 'relatedPermits'

/** One list-of-texts field of the permit (hazards, equipment, related permits), as chips. */
export function PermitChipField({
  field,
  label,
  itemLabel,
  hint,
  suggestions,
}: {
  field: ListKey
  label: string
  itemLabel: string
  hint?: string
  suggestions?: readonly string[]
}) {
  const value: PermitDraft[ListKey] = usePermitForm((state) => state.draft[field])
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  return (
    <ChipListField
      field={field}
      label={label}
      value={value}
      onChange={(next) => update({ [field]: next })}
      issue={listIssueText(problem, field, itemLabel)}
      hint={hint}
      suggestions={suggestions}
    />
  )
}
