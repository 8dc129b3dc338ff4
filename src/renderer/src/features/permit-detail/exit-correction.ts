import type { EntryPairDto } from '../../../../shared/contract/permits'

/**
 * The exits that may be corrected: each person's latest exit, while they are not inside. The
 * server accepts only a person's latest record, and only an exit, so nothing else is offered.
 */
export function correctableExitIds(entries: readonly EntryPairDto[], insideKeys: ReadonlySet<string>): Set<number> {
  const latest = new Map<string, EntryPairDto>()
  for (const pair of entries) {
    const seen = latest.get(pair.personKey)
    if (!seen || pair.entryTime >= seen.entryTime) latest.set(pair.personKey, pair)
  }
  const ids = new Set<number>()
  for (const [personKey, pair] of latest) {
    if (pair.exitId !== null && !insideKeys.has(personKey)) ids.add(pair.exitId)
  }
  return ids
}
