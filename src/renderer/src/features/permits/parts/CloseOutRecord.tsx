import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { formatTime } from '../../../format/time'
import { closeOutOf } from '../close-out'
import { RecordList, RecordRow } from './RecordList'

/** How the permit ended: kept a year for the annual review (1910.146(e)(6)). */
export function CloseOutRecord({ detail }: { detail: PermitDetailDto }) {
  const closeOut = closeOutOf(detail)
  if (!closeOut) return null
  return (
    <RecordList aria-label="Close-out record">
      <RecordRow label={closeOut.state === 'closed' ? 'Closed by' : 'Cancelled by'}>
        {closeOut.by}
        {closeOut.at > 0 ? `, ${formatTime(closeOut.at)}` : ''}
      </RecordRow>
      {closeOut.state === 'cancelled' || (closeOut.note && closeOut.note !== closeOut.closeOutNotes) ? (
        <RecordRow label={closeOut.state === 'cancelled' ? 'Reason' : 'Note'}>
          {closeOut.note || 'None given.'}
        </RecordRow>
      ) : null}
      <RecordRow label="Close-out notes (problems encountered)">{closeOut.closeOutNotes ?? 'None recorded.'}</RecordRow>
    </RecordList>
  )
}
