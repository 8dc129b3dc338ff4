import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { messageOutside } from '../../../errors/problem'
import { IssueTextField } from '../../../ui/IssueTextField'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { newAccountFields } from '../new-account'
import type { NewAccountForm as NewAccountValues } from '../new-account'
import { useSession } from '../use-session'

const empty: NewAccountValues = { username: '', displayName: '', password: '', confirmPassword: '' }

/** The account fields first run and sign-up share; only the button and what it calls differ. */
export function NewAccountForm({
  submitLabel,
  onSubmit,
}: {
  submitLabel: string
  onSubmit(form: NewAccountValues): void
}) {
  const problem = useSession((state) => state.problem)
  const pending = useSession((state) => state.pending)
  const [form, setForm] = useState(empty)
  const edit = (field: keyof NewAccountValues) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(form)
  }

  return (
    <Stack component="form" noValidate onSubmit={submit}>
      <ProblemAlert message={messageOutside(problem, newAccountFields)} />
      <IssueTextField
        field="username"
        label="Username"
        value={form.username}
        onChange={edit('username')}
        problem={problem}
        autoComplete="username"
        autoFocus
        hint="Letters, digits, dot, dash and underscore."
      />
      <IssueTextField
        field="displayName"
        label="Display name"
        value={form.displayName}
        onChange={edit('displayName')}
        problem={problem}
        autoComplete="name"
        hint="How colleagues see you on the board and in the audit log."
      />
      <IssueTextField
        field="password"
        label="Password"
        type="password"
        value={form.password}
        onChange={edit('password')}
        problem={problem}
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence works well."
      />
      <IssueTextField
        field="confirmPassword"
        label="Confirm password"
        type="password"
        value={form.confirmPassword}
        onChange={edit('confirmPassword')}
        problem={problem}
        autoComplete="new-password"
      />
      <Button type="submit" variant="contained" size="large" disabled={pending} sx={{ mt: 2 }}>
        {submitLabel}
      </Button>
    </Stack>
  )
}
