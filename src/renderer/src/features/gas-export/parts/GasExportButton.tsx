import Button from '@mui/material/Button'
import { useMayCall } from '../../session/use-access'
import type { GasExportTarget } from '../gas-export-store'
import { useGasExport } from '../use-gas-export'
import { GasExportDialog } from './GasExportDialog'

/**
 * "Export…" for the roles that may take gas data away; `target` says, when clicked, what is on
 * screen (a live window's end moves with the clock).
 */
export function GasExportButton({ target }: { target(): GasExportTarget }) {
  const mayExport = useMayCall('gas.export')
  const open = useGasExport((state) => state.open)
  if (!mayExport) return null
  return (
    <>
      <Button variant="outlined" onClick={() => open(target())} aria-haspopup="dialog">
        Export…
      </Button>
      <GasExportDialog />
    </>
  )
}
