/**
 * Where the selection goes when the queue is read again: it stays on its request; when that
 * request left (decided here or by another approver), on the one that took its place.
 */
export function followSelection(
  ids: readonly number[],
  selectedId: number | null,
  selectedIndex: number,
): { selectedId: number | null; selectedIndex: number } {
  if (ids.length === 0) return { selectedId: null, selectedIndex: 0 }
  const kept = selectedId === null ? -1 : ids.indexOf(selectedId)
  if (kept >= 0) return { selectedId, selectedIndex: kept }
  const index = Math.min(Math.max(0, selectedIndex), ids.length - 1)
  return { selectedId: ids[index] ?? null, selectedIndex: index }
}

/** One step up or down, held at the ends. */
export function moveSelection(ids: readonly number[], selectedIndex: number, delta: number) {
  if (ids.length === 0) return { selectedId: null, selectedIndex: 0 }
  const index = Math.min(Math.max(0, selectedIndex + delta), ids.length - 1)
  return { selectedId: ids[index] ?? null, selectedIndex: index }
}
