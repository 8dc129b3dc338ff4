import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatTime, formatUtc, workstationZone } from '../../../format/time'
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
          <RecordRow label="Signed at">
            {formatTime(signature.at)} ({workstationZone()}); {formatUtc(signature.at)}
          </RecordRow>
          <RecordRow label="Statement (as signed, times in UTC)">{signature.statement}</RecordRow>
        </>
      ) : null}
    </RecordList>
  )
}
