import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { roleLabels } from '../../../shared/contract/roles'
import { useSession } from '../features/session/use-session'

export function UserBadge() {
  const user = useSession((state) => state.user)
  if (!user) return null
  return (
    <Box sx={{ textAlign: 'right', lineHeight: 1.2 }}>
      <Typography sx={{ fontWeight: 600 }}>{user.displayName}</Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {user.roles.map((role) => roleLabels[role]).join(', ')}
      </Typography>
    </Box>
  )
}
