import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { useEffect } from 'react'
import { hrefFor } from '../../app/navigation/routes'
import { formatTime } from '../../format/time'
import { useIntegrityChecks } from './use-integrity-checks'

/**
 * On every page of an administrator, while the last full integrity check found a problem: the
 * console runs on, but on a file with damage that start-up's bounded check cannot see. The Admin
 * page says it in its System section instead.
 */
export function IntegrityProblemNotice({ onAdmin }: { onAdmin: boolean }) {
  const watch = useIntegrityChecks((state) => state.watch)
  const lastFull = useIntegrityChecks((state) => state.page?.lastFull ?? null)
  useEffect(() => watch(), [watch])
  if (onAdmin || !lastFull || lastFull.result === 'ok') return null
  return (
    <Alert
      severity="error"
      sx={{ mb: 3 }}
      action={
        <Button color="inherit" variant="outlined" href={hrefFor('admin')}>
          Open Admin
        </Button>
      }
    >
      <AlertTitle sx={{ fontWeight: 700 }}>The database check found a problem</AlertTitle>
      The full integrity check of {formatTime(lastFull.at)} found: {lastFull.result}. Restore the newest backup that
      passed its check, then check again.
    </Alert>
  )
}
