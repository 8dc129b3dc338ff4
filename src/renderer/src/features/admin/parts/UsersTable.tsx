import Chip from '@mui/material/Chip'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { roleLabels } from '../../../../../shared/contract/roles'
import { formatShortTime } from '../../../format/time'
import { useUsers } from '../use-users'
import { UserRowActions } from './UserRowActions'
import { TablePager } from '../../../ui/TablePager'

export function UsersTable() {
  const users = useUsers((state) => state.users)
  const loading = useUsers((state) => state.loading)
  const total = useUsers((state) => state.total)
  const offset = useUsers((state) => state.offset)
  const limit = useUsers((state) => state.limit)
  const setPage = useUsers((state) => state.setPage)
  const setLimit = useUsers((state) => state.setLimit)
  return (
    <Paper variant="outlined">
      {loading ? <LinearProgress aria-label="Loading users" /> : null}
      <TableContainer>
        <Table aria-label="Users">
          <TableHead>
            <TableRow>
              <TableCell>Username</TableCell>
              <TableCell>Display name</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell>Manager</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Last sign-in</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((user) => (
              <TableRow key={user.id}>
                <TableCell>{user.username}</TableCell>
                <TableCell>{user.displayName}</TableCell>
                <TableCell>{user.roles.map((role) => roleLabels[role]).join(', ')}</TableCell>
                <TableCell>{user.managerName ?? '—'}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={user.active ? 'success' : 'default'}
                    label={user.active ? 'Active' : 'Deactivated'}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {user.lastLoginAt === null ? 'Never' : formatShortTime(user.lastLoginAt)}
                </TableCell>
                <TableCell>
                  <UserRowActions user={user} />
                </TableCell>
              </TableRow>
            ))}
            {users.length === 0 && !loading ? (
              <TableRow>
                <TableCell colSpan={7}>No users match.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager total={total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
    </Paper>
  )
}
