import { useState } from 'react'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { NewUserForm } from '../users-store'
import { useUsers } from '../use-users'
import { RoleCheckboxes } from './RoleCheckboxes'
import { UserFormDialog } from './UserFormDialog'

const empty: NewUserForm = { username: '', displayName: '', password: '', roles: [] }

export function NewUserDialog() {
  const problem = useUsers((state) => state.dialogProblem)
  const createUser = useUsers((state) => state.createUser)
  const [form, setForm] = useState(empty)
  const edit = (field: 'username' | 'displayName' | 'password') => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }))
  return (
    <UserFormDialog title="New user" submitLabel="Create user" onSubmit={() => void createUser(form)} problem={problem}>
      <IssueTextField
        field="username"
        label="Username"
        value={form.username}
        onChange={edit('username')}
        problem={problem}
        autoComplete="off"
        autoFocus
      />
      <IssueTextField
        field="displayName"
        label="Display name"
        value={form.displayName}
        onChange={edit('displayName')}
        problem={problem}
        autoComplete="off"
      />
      <IssueTextField
        field="password"
        label="Password"
        type="password"
        value={form.password}
        onChange={edit('password')}
        problem={problem}
        autoComplete="new-password"
        hint="At least 12 characters. Tell the person to change it after first sign-in."
      />
      <RoleCheckboxes
        value={form.roles}
        onChange={(roles) => setForm((current) => ({ ...current, roles }))}
        issue={problem?.fields.roles}
      />
    </UserFormDialog>
  )
}
