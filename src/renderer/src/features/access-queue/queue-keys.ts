import type { KeyboardEvent } from 'react'

export type QueueKeyAction = { move: number } | { decide: 'approve' | 'deny' } | null

/**
 * The queue's keys: arrows (and Page Up/Down, Home, End) move the selection, A approves, D
 * denies. Keys typed into a field, or pressed with a modifier, are the field's or the browser's.
 */
export function queueKeyAction(event: KeyboardEvent<HTMLElement>, pageSize: number): QueueKeyAction {
  if (event.altKey || event.ctrlKey || event.metaKey) return null
  const target = event.target
  if (
    target instanceof HTMLElement &&
    target.closest('input, textarea, select, [contenteditable="true"], [role="combobox"]')
  )
    return null
  switch (event.key) {
    case 'ArrowDown':
      return { move: 1 }
    case 'ArrowUp':
      return { move: -1 }
    case 'PageDown':
      return { move: pageSize }
    case 'PageUp':
      return { move: -pageSize }
    case 'Home':
      return { move: -Number.MAX_SAFE_INTEGER }
    case 'End':
      return { move: Number.MAX_SAFE_INTEGER }
    case 'a':
    case 'A':
      return { decide: 'approve' }
    case 'd':
    case 'D':
      return { decide: 'deny' }
    default:
      return null
  }
}
