import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatTime } from '../../../format/time'
import { RecordList, RecordRow } from '../../permits/parts/RecordList'

/** Who supervises, who signed to authorize entry, when, and what they declared. */
export function SignatureBlock({ detail }: { detail: PermitDetailDto }) {
  const signature = detail.authorization
  return (
    <RecordList>
      <RecordRow label="Entry supervisor">{detail.card.entrySupervisor}</RecordRow>
      <RecordRow label="Authorized by">
        {signature ? `${signature.byName} (${signature.byUsername})` : 'Not authorized: no entry is permitted.'}
      </RecordRow>
      {signature ? (
        <>
          <RecordRow label="Signed at">{formatTime(signature.at)}</RecordRow>
          <RecordRow label="Statement">{signature.statement}</RecordRow>
        </>
      ) : null}
    </RecordList>
  )
}
