import type { ReactNode } from 'react'
import type { Problem } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { useUsers } from '../use-users'

interface UserFormDialogProps {
  title: string
  submitLabel: string
  onSubmit(): void
  /** The last attempt's failure, shown by the form dialog under and above its fields. */
  problem: Problem | null
  children: ReactNode
}

/** The shared form dialog, saving and closing through the users store. */
export function UserFormDialog(props: UserFormDialogProps) {
  const saving = useUsers((state) => state.saving)
  const closeDialog = useUsers((state) => state.closeDialog)
  return <FormDialog {...props} saving={saving} onClose={closeDialog} />
}
