import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { DevicesSection } from '../devices/parts/DevicesSection'
import { SitesSection } from '../sites/parts/SitesSection'
import { SystemAndBackups } from '../system/parts/SystemAndBackups'
import { UserDialogs } from './parts/UserDialogs'
import { UserSearch } from './parts/UserSearch'
import { UsersTable } from './parts/UsersTable'
import { useUsers } from './use-users'

export function AdminPage() {
  const open = useUsers((state) => state.open)
  const openDialog = useUsers((state) => state.openDialog)
  const problem = useUsers((state) => state.problem)
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader
        title="Admin"
        actions={
          <Button variant="contained" onClick={() => openDialog({ kind: 'create' })}>
            New user
          </Button>
        }
      />
      <Typography variant="h2">Users</Typography>
      <UserSearch />
      <ProblemAlert message={problem} />
      <UsersTable />
      <UserDialogs />
      <SitesSection />
      <DevicesSection />
      <SystemAndBackups />
    </>
  )
}
