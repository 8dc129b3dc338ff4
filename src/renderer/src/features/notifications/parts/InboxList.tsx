import Button from '@mui/material/Button'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { NotificationDto } from '../../../../../shared/contract/notifications'
import { formatShortTime } from '../../../format/time'
import { VisuallyHidden } from '../../../ui/VisuallyHidden'
import { notificationHref } from '../notification-links'
import { useInbox } from '../use-inbox'

function InboxItem({ notification, onOpen }: { notification: NotificationDto; onOpen(): void }) {
  const markRead = useInbox((state) => state.markRead)
  const unread = notification.readAt === null
  return (
    <ListItemButton
      component="a"
      href={notificationHref(notification)}
      onClick={() => {
        if (unread) void markRead([notification.id])
        onOpen()
      }}
      sx={{
        mx: 0,
        borderRadius: 0,
        alignItems: 'flex-start',
        borderLeft: 4,
        borderColor: unread ? 'primary.main' : 'transparent',
      }}
    >
      <ListItemText
        primary={
          <>
            {unread ? <VisuallyHidden>Unread: </VisuallyHidden> : null}
            {notification.title}
          </>
        }
        secondary={
          <>
            {notification.body}
            <br />
            {formatShortTime(notification.createdAt)}
          </>
        }
        slotProps={{
          primary: { sx: { fontSize: '1rem', fontWeight: unread ? 700 : 400 } },
          secondary: { sx: { color: 'text.secondary', overflowWrap: 'anywhere' } },
        }}
      />
    </ListItemButton>
  )
}

/** The inbox, newest first: unread ones marked; each opens its record and counts as read. */
export function InboxList({ onOpen }: { onOpen(): void }) {
  const items = useInbox((state) => state.items)
  const unread = useInbox((state) => state.unread)
  const hasMore = useInbox((state) => state.hasMore)
  const loaded = useInbox((state) => state.loaded)
  const problem = useInbox((state) => state.problem)
  const markAllRead = useInbox((state) => state.markAllRead)
  const loadOlder = useInbox((state) => state.loadOlder)
  return (
    <>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', px: 2, py: 1 }}>
        <Typography variant="h3" component="h2">
          Notifications
        </Typography>
        <Button size="small" disabled={unread === 0} onClick={() => void markAllRead()}>
          Mark all read
        </Button>
      </Stack>
      {problem ? (
        <Typography role="alert" sx={{ px: 2, pb: 1, color: 'error.main' }}>
          {problem}
        </Typography>
      ) : null}
      <List dense disablePadding aria-label="Inbox" sx={{ maxHeight: '60vh', overflowY: 'auto' }}>
        {items.map((notification) => (
          <li key={notification.id}>
            <InboxItem notification={notification} onOpen={onOpen} />
          </li>
        ))}
      </List>
      {loaded && items.length === 0 ? <Typography sx={{ px: 2, pb: 2 }}>Nothing here yet.</Typography> : null}
      {hasMore ? (
        <Button fullWidth onClick={() => void loadOlder()}>
          Show older
        </Button>
      ) : null}
    </>
  )
}
