import Button from '@mui/material/Button'
import Box from '@mui/material/Box'
import type { UserListItemDto } from '../../../../../shared/contract/identity'
import { useUsers } from '../use-users'

export function UserRowActions({ user }: { user: UserListItemDto }) {
  const openDialog = useUsers((state) => state.openDialog)
  const verb = user.active ? 'Deactivate' : 'Reactivate'
  return (
    // Two by two on a laptop, in a row where the screen is wide: the table keeps to its container.
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'repeat(2, max-content)', xl: 'repeat(4, max-content)' },
        gap: 1,
        justifyContent: 'end',
        '& .MuiButton-root': { whiteSpace: 'nowrap' },
      }}
    >
      <Button
        size="small"
        variant="outlined"
        aria-label={`Edit roles for ${user.username}`}
        onClick={() => openDialog({ kind: 'roles', user })}
      >
        Edit roles
      </Button>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Set manager for ${user.username}`}
        onClick={() => openDialog({ kind: 'manager', user })}
      >
        Set manager…
      </Button>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Reset password for ${user.username}`}
        onClick={() => openDialog({ kind: 'password', user })}
      >
        Reset password…
      </Button>
      <Button
        size="small"
        variant="outlined"
        color={user.active ? 'error' : 'primary'}
        aria-label={`${verb} ${user.username}`}
        onClick={() => openDialog({ kind: 'active', user })}
      >
        {verb}
      </Button>
    </Box>
  )
}
