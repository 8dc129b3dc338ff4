import { IssueTextField } from '../../../ui/IssueTextField'
import type { PermitDraft } from '../permit-draft'
import { usePermitForm } from '../use-permit-form'

type TextKey = {
  [K in keyof PermitDraft]: PermitDraft[K] extends string ? K : never
}[keyof PermitDraft]

/** One free-text field of the permit, bound to the draft and to the server's issue for it. */
export function PermitTextField({
  field,
  label,
  hint,
  multiline,
  required,
}: {
  field: TextKey
  label: string
  hint?: string
  multiline?: boolean
  required?: boolean
}) {
  const value = usePermitForm((state) => state.draft[field])
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  return (
    <IssueTextField
      field={field}
      label={label}
      value={value}
      onChange={(next) => update({ [field]: next })}
      problem={problem}
      hint={hint}
      multiline={multiline}
      required={required}
    />
  )
}
