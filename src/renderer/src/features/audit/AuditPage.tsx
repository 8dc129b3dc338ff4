import { useEffect, useMemo } from 'react'
import { useHash } from '../../app/navigation/hash-route'
import { queryOfHash } from '../../app/navigation/routes'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { parseAuditQuery } from './audit-filter'
import { AuditFilters } from './parts/AuditFilters'
import { AuditTable } from './parts/AuditTable'
import { ChainVerificationResult } from './parts/ChainVerificationResult'
import { CheckpointButton } from './parts/CheckpointButton'
import { CheckpointSaved } from './parts/CheckpointSaved'
import { EntryDetail } from './parts/EntryDetail'
import { ExportButton } from './parts/ExportButton'
import { ExportDialog } from './parts/ExportDialog'
import { LoadOlderButton } from './parts/LoadOlderButton'
import { VerifyChainButton } from './parts/VerifyChainButton'
import { VerifyFileButton } from './parts/VerifyFileButton'
import { useAudit } from './use-audit'

export function AuditPage() {
  // The filter lives in the address (#/audit?entityType=permit&entityId=3): links, reloads and Back keep it.
  const query = queryOfHash(useHash())
  const filter = useMemo(() => parseAuditQuery(query), [query])
  const open = useAudit((state) => state.open)
  const leave = useAudit((state) => state.leave)
  const problem = useAudit((state) => state.problem)
  useEffect(() => open(filter), [open, filter])
  useEffect(() => leave, [leave])
  return (
    <>
      <PageHeader
        title="Audit"
        actions={
          <>
            <VerifyChainButton />
            <VerifyFileButton />
            <CheckpointButton />
            <ExportButton />
          </>
        }
      />
      <ChainVerificationResult />
      <CheckpointSaved />
      <AuditFilters key={query} filter={filter} />
      <ProblemAlert message={problem} />
      <AuditTable />
      <LoadOlderButton />
      <EntryDetail />
      <ExportDialog />
    </>
  )
}
