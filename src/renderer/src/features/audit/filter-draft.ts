import type { AuditFilter } from '../../../../shared/contract/audit'
import { fromLocalInput, toLocalInput } from '../../format/local-datetime'

/** The filter as its fields hold it while a person types: times as the datetime-local inputs show them. */
export interface FilterDraft {
  actorId: number | null
  action: string
  entityType: string
  entityId: string
  from: string
  to: string
  text: string
}

/** "To 14:30" means up to the end of that minute: the inputs show minutes, entries carry milliseconds. */
const minuteMs = 60_000

export function toDraft(filter: AuditFilter): FilterDraft {
  return {
    actorId: filter.actorId ?? null,
    action: filter.action ?? '',
    entityType: filter.entityType ?? '',
    entityId: filter.entityId ?? '',
    from: filter.from === undefined ? '' : toLocalInput(filter.from),
    to: filter.to === undefined ? '' : toLocalInput(filter.to),
    text: filter.text ?? '',
  }
}

/** The filter a draft asks for, read in this workstation's zone; a blank or half-typed field asks nothing. */
export function fromDraft(draft: FilterDraft): AuditFilter {
  const filter: AuditFilter = {}
  if (draft.actorId !== null) filter.actorId = draft.actorId
  for (const key of ['action', 'entityType', 'entityId', 'text'] as const) {
    const value = draft[key].trim()
    if (value) filter[key] = value
  }
  const from = fromLocalInput(draft.from)
  const to = fromLocalInput(draft.to)
  if (from !== null) filter.from = from
  if (to !== null) filter.to = to + minuteMs - 1
  return filter
}
