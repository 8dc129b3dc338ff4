import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import { useEffect } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { AlarmFiltersBar } from './parts/AlarmFiltersBar'
import { AlarmTable } from './parts/AlarmTable'
import { ResolveAlarmDialog } from './parts/ResolveAlarmDialog'
import { useAlarmList } from './use-alarm-list'

/** Every alarm, newest first, to acknowledge, investigate and resolve. */
export function AlarmList() {
  const open = useAlarmList((state) => state.open)
  const problem = useAlarmList((state) => state.problem)
  const notice = useAlarmList((state) => state.notice)
  const hasMore = useAlarmList((state) => state.hasMore)
  const loadingOlder = useAlarmList((state) => state.loadingOlder)
  const loadOlder = useAlarmList((state) => state.loadOlder)
  const resolving = useAlarmList((state) => state.resolving)
  useEffect(() => open(), [open])
  return (
    <>
      <AlarmFiltersBar />
      {notice ? (
        <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'} sx={{ mb: 2 }}>
          {notice.message}
        </Alert>
      ) : null}
      <ProblemAlert message={problem} />
      <AlarmTable />
      {hasMore ? (
        <Button variant="outlined" disabled={loadingOlder} onClick={() => void loadOlder()} sx={{ mt: 2 }}>
          Load older
        </Button>
      ) : null}
      {resolving ? <ResolveAlarmDialog key={resolving.id} alarm={resolving} /> : null}
    </>
  )
}
