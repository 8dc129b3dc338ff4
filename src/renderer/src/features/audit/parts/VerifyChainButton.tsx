import Button from '@mui/material/Button'
import { useAudit } from '../use-audit'

export function VerifyChainButton() {
  const verifying = useAudit((state) => state.verifying)
  const verify = useAudit((state) => state.verify)
  return (
    <Button variant="contained" disabled={verifying} onClick={() => void verify()}>
      Verify chain
    </Button>
  )
}
