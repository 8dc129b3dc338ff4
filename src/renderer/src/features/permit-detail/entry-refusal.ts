/** A refused entry as the attendant reads it: why, then every condition that is not met. */
export interface EntryRefusal {
  summary: string
  conditions: string[]
}

/**
 * The server words a refusal as one line of summary and one line per unmet condition, so
 * the whole story is told at once (the interlock checks every condition, not just the first).
 */
export function parseRefusal(message: string): EntryRefusal {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const [summary = message, ...rest] = lines
  return { summary, conditions: rest.map((line) => line.replace(/^(?:[-*•]|\d+[.)])\s+/, '')) }
}
