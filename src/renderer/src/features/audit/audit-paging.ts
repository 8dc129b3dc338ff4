import type { AuditEntryDto } from '../../../../shared/contract/audit'

export interface AuditPage {
  items: AuditEntryDto[]
  nextBeforeSeq: number | null
}

/** Folds a fresh newest-first page into what is shown, keeping the older pages already loaded. */
export function mergeNewest(shown: AuditPage, newest: AuditPage): AuditPage {
  const top = shown.items[0]?.seq
  if (top === undefined) return newest
  const unseen = newest.items.filter((entry) => entry.seq > top)
  // A whole page of unseen entries with more behind it may leave a hole; restart from the top.
  if (unseen.length === newest.items.length && newest.nextBeforeSeq !== null) return newest
  return { items: [...unseen, ...shown.items], nextBeforeSeq: shown.nextBeforeSeq }
}

/** Appends an older page, ignoring anything that overlaps what is already shown. */
export function appendOlder(shown: AuditPage, older: AuditPage): AuditPage {
  const bottom = shown.items.at(-1)?.seq ?? Number.POSITIVE_INFINITY
  return {
    items: [...shown.items, ...older.items.filter((entry) => entry.seq < bottom)],
    nextBeforeSeq: older.nextBeforeSeq,
  }
}
