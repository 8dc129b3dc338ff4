import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { roleLabels } from '../../../shared/contract/roles'
import { useSession } from '../features/session/use-session'

/** The signed-in person, named with their roles; a button opening what they may do to their own account. */
export function UserBadge() {
  const user = useSession((state) => state.user)
  const openChangePassword = useSession((state) => state.openChangePassword)
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  if (!user) return null
  const close = () => setAnchor(null)
  return (
    <>
      <Button
        color="inherit"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? 'user-menu' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none' }}
      >
        <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
          <Typography sx={{ fontWeight: 600 }}>{user.displayName}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {user.roles.map((role) => roleLabels[role]).join(', ')}
          </Typography>
        </Box>
      </Button>
      <Menu id="user-menu" anchorEl={anchor} open={anchor !== null} onClose={close}>
        <MenuItem
          onClick={() => {
            close()
            openChangePassword()
          }}
        >
          Change password…
        </MenuItem>
      </Menu>
    </>
  )
}
