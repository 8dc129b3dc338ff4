import NotificationsIcon from '@mui/icons-material/Notifications'
import Badge from '@mui/material/Badge'
import IconButton from '@mui/material/IconButton'
import Popover from '@mui/material/Popover'
import Tooltip from '@mui/material/Tooltip'
import { useEffect, useState } from 'react'
import { InboxList } from './parts/InboxList'
import { useInbox } from './use-inbox'

/** The frame's bell: the unread count, and the inbox under it. */
export function NotificationBell() {
  const open = useInbox((state) => state.open)
  const unread = useInbox((state) => state.unread)
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  useEffect(() => open(), [open])
  const label = unread === 0 ? 'Notifications' : `Notifications: ${String(unread)} unread`
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={anchor !== null}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} color="primary" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Notifications', sx: { width: 440, maxWidth: '95vw' } } }}
      >
        <InboxList onOpen={() => setAnchor(null)} />
      </Popover>
    </>
  )
}
