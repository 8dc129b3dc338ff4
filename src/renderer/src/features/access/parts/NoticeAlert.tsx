import Alert from '@mui/material/Alert'
import type { Notice } from '../my-access-store'

/** What the last command did, or why it failed; a success is announced politely, a failure at once. */
export function NoticeAlert({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  if (!notice) return null
  return (
    <Alert
      severity={notice.severity}
      role={notice.severity === 'error' ? 'alert' : 'status'}
      onClose={onClose}
      sx={{ mb: 2 }}
    >
      {notice.message}
    </Alert>
  )
}
