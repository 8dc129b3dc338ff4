import type { PermitDetailDto } from '../../../../shared/contract/permits'

export interface CloseOut {
  state: 'closed' | 'cancelled'
  by: string
  at: number
  /** The cancellation reason, or the note given when closing. */
  note: string
  closeOutNotes: string | null
}

/** How a closed or cancelled permit ended, from its timeline; null while it is still open. */
export function closeOutOf(detail: PermitDetailDto): CloseOut | null {
  const { state } = detail.card
  if (state !== 'closed' && state !== 'cancelled') return null
  const step = detail.timeline.findLast((candidate) => candidate.toState === state)
  return {
    state,
    by: step?.actorName ?? 'not recorded',
    at: step?.at ?? 0,
    note: step?.note ?? '',
    closeOutNotes: detail.fields.closeOutNotes,
  }
}
