import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import { permitHref } from '../../app/navigation/routes'
import { printHidden } from '../../theme/PrintStyles'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { usePermit } from '../permit-detail/use-permit'
import { EvidencePackButton } from '../evidence/parts/EvidencePackButton'
import { PackResult } from '../evidence/parts/PackResult'
import { PrintDocument } from './parts/PrintDocument'

/** Waits for the page to lay out before the print dialog freezes it. */
const printDelayMs = 200

export function PermitPrintPage({ permitId }: { permitId: number }) {
  const open = usePermit((state) => state.open)
  const detail = usePermit((state) => state.detail)
  const problem = usePermit((state) => state.problem)
  const takePrintRequest = usePermit((state) => state.takePrintRequest)
  const [printedAt] = useState(() => Date.now())
  const pdf = useStore(useStores().pdf)
  const shown = detail && detail.card.id === permitId ? detail : null
  const loaded = shown !== null
  useEffect(() => open(permitId), [open, permitId])
  // The Print button of the detail page asked for this view; print once, when the permit is here.
  useEffect(() => {
    if (!loaded) return
    const timer = setTimeout(() => {
      if (takePrintRequest()) window.print()
    }, printDelayMs)
    return () => clearTimeout(timer)
  }, [loaded, takePrintRequest])

  return (
    <>
      <Stack className={printHidden}>
        <PageHeader
          title={`Print permit${shown ? ` ${shown.card.number}` : ''}`}
          actions={
            <>
              <Button variant="outlined" href={permitHref(permitId)}>
                Back to permit
              </Button>
              {pdf.available ? (
                <Button variant="outlined" disabled={!shown || pdf.saving} onClick={() => void pdf.save(permitId)}>
                  Save as PDF
                </Button>
              ) : null}
              <EvidencePackButton permitId={permitId} disabled={!shown} />
              <Button variant="contained" disabled={!shown} onClick={() => window.print()}>
                Print
              </Button>
            </>
          }
        />
        <ProblemAlert message={problem ?? pdf.problem} />
        {pdf.savedTo ? <Alert severity="success">Saved {pdf.savedTo}</Alert> : null}
        <PackResult kind="permit" />
        {!shown && !problem ? <LinearProgress aria-label="Loading the permit" /> : null}
      </Stack>
      {shown ? <PrintDocument detail={shown} printedAt={printedAt} /> : null}
    </>
  )
}
