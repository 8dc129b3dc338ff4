import { useState } from 'react'
import type { UserDto } from '../../../../../shared/contract/identity'
import { useUsers } from '../use-users'
import { RoleCheckboxes } from './RoleCheckboxes'
import { UserFormDialog } from './UserFormDialog'

export function EditRolesDialog({ user }: { user: UserDto }) {
  const problem = useUsers((state) => state.dialogProblem)
  const saveRoles = useUsers((state) => state.saveRoles)
  const [roles, setRoles] = useState(user.roles)
  return (
    <UserFormDialog
      title={`Roles for ${user.displayName}`}
      submitLabel="Save roles"
      onSubmit={() => void saveRoles(roles)}
      problem={problem}
    >
      <RoleCheckboxes value={roles} onChange={setRoles} issue={problem?.fields.roles} />
    </UserFormDialog>
  )
}
