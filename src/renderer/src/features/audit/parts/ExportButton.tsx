import Button from '@mui/material/Button'
import { useAudit } from '../use-audit'

export function ExportButton() {
  const openExport = useAudit((state) => state.openExport)
  return (
    <Button variant="outlined" onClick={openExport} aria-haspopup="dialog">
      Export…
    </Button>
  )
}
