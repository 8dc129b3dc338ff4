import Typography from '@mui/material/Typography'
import { PageHeader } from '../../ui/PageHeader'
import { useMayCall } from '../session/use-access'
import { AnnualReviewForm } from './parts/AnnualReviewForm'
import { PermitPackForm } from './parts/PermitPackForm'

/** Evidence for external reviewers: the annual programme review and a permit's evidence pack. */
export function EvidencePage() {
  const mayPackPermits = useMayCall('evidence.permitPack')
  return (
    <>
      <PageHeader title="Evidence" />
      <Typography sx={{ mb: 3 }}>
        Archives for an auditor, a regulator or an insurer. Each is written into your exports folder, states the audit
        entry it ends at with a checkpoint signed by this installation, and lists the SHA-256 of every file it holds.
      </Typography>
      <AnnualReviewForm />
      {mayPackPermits ? <PermitPackForm /> : null}
    </>
  )
}
