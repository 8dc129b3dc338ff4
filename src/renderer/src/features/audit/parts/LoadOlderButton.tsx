import Button from '@mui/material/Button'
import { useAudit } from '../use-audit'

export function LoadOlderButton() {
  const hasOlder = useAudit((state) => state.nextBeforeSeq !== null)
  const loadingOlder = useAudit((state) => state.loadingOlder)
  const loadOlder = useAudit((state) => state.loadOlder)
  if (!hasOlder) return null
  return (
    <Button variant="outlined" disabled={loadingOlder} onClick={() => void loadOlder()} sx={{ mt: 2 }}>
      Load older
    </Button>
  )
}
