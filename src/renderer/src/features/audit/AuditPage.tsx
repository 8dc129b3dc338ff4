import { useEffect } from 'react'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { AuditTable } from './parts/AuditTable'
import { ChainVerificationResult } from './parts/ChainVerificationResult'
import { LoadOlderButton } from './parts/LoadOlderButton'
import { VerifyChainButton } from './parts/VerifyChainButton'
import { useAudit } from './use-audit'

export function AuditPage() {
  const open = useAudit((state) => state.open)
  const problem = useAudit((state) => state.problem)
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader title="Audit" actions={<VerifyChainButton />} />
      <ChainVerificationResult />
      <ProblemAlert message={problem} />
      <AuditTable />
      <LoadOlderButton />
    </>
  )
}
