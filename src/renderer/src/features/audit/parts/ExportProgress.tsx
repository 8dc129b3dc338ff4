import { ExportProgressBar } from '../../exports/parts/ExportProgressBar'
import { useAudit } from '../use-audit'

/** How far the trail's file is written, while it is; once written, the result says it all. */
export function ExportProgress() {
  const exporting = useAudit((state) => state.exporting)
  const progress = useAudit((state) => state.exportProgress)
  return exporting ? <ExportProgressBar progress={progress} rows="entries" /> : null
}
